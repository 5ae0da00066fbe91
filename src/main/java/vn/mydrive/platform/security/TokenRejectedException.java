package vn.mydrive.platform.security;

/**
 * Why a presented token was not accepted. The reason's code is part of the API (it reaches clients in 401
 * bodies and WebSocket close reasons), so codes never change meaning. A token whose session ended also says
 * how that session ended.
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
    private final SessionEnding ending;
    private final String tokenId;

    public TokenRejectedException(Reason reason) {
        super(reason.message());
        this.reason = reason;
        this.ending = null;
        this.tokenId = null;
    }

    /** A valid token (id {@code tokenId}) whose session ended, and how it ended. */
    public TokenRejectedException(String tokenId, SessionEnding ending) {
        super(endingMessage(ending));
        this.reason = Reason.SESSION_ENDED;
        this.ending = ending;
        this.tokenId = tokenId;
    }

    public Reason reason() {
        return reason;
    }

    /** The id of the refused token when it was valid but its session ended; null otherwise. */
    public String tokenId() {
        return tokenId;
    }

    /** How the token's session ended, for {@link Reason#SESSION_ENDED}; null otherwise. */
    public SessionEnding ending() {
        return ending;
    }

    /**
     * The most specific code: the session ending's reason ({@code signed_in_elsewhere}, {@code idle}, ...) when
     * known, else the reason's own code. Used as the close reason of a socket whose session ended.
     */
    public String specificCode() {
        return ending != null ? ending.reason().code() : reason.code();
    }

    private static String endingMessage(SessionEnding ending) {
        String when = ending.at() == null ? "" : " at " + ending.at();
        String from = ending.address() == null ? "" : " from " + ending.address();
        return switch (ending.reason()) {
            case SIGNED_OUT -> "This session has ended: it was signed out" + when + ".";
            case SIGNED_IN_ELSEWHERE -> "This session has ended: the account signed in on another device" + when + from + ".";
            case IDLE -> "This session has ended: it was idle too long.";
            case ENDED_BY_ADMIN -> "This session has ended: an administrator ended it" + when + ".";
            case ACCOUNT_DELETED -> "This session has ended: the account was deleted" + when + ".";
            case UNKNOWN -> Reason.SESSION_ENDED.message();
        };
    }
}
