package vn.mydrive.platform.security;

/**
 * Why a presented token was not accepted. The reason's code is part of the API (it reaches clients in 401
 * bodies and WebSocket close reasons), so codes never change meaning.
 */
public class TokenRejectedException extends Exception {

    /** The stable reasons a token is refused. */
    public enum Reason {
        MALFORMED("token_malformed", "The token is not a well-formed JWT."),
        ALGORITHM("token_algorithm", "The token is not signed with RS256."),
        SIGNATURE("token_signature", "The token's signature is not valid."),
        ISSUER("token_issuer", "The token was not issued by MyDrive."),
        EXPIRED("token_expired", "The token has expired. Please sign in again."),
        SESSION_ENDED("session_ended", "This session has ended (signed out, idle, or signed in elsewhere).");

        private final String code;
        private final String message;

        Reason(String code, String message) {
            this.code = code;
            this.message = message;
        }

        public String code() {
            return code;
        }

        public String message() {
            return message;
        }
    }

    private final Reason reason;

    public TokenRejectedException(Reason reason) {
        super(reason.message());
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
