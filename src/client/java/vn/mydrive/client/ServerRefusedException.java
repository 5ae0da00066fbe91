package vn.mydrive.client;

/**
 * The server answered a request with an error: its HTTP status, and the code and message of its body (or of a
 * transfer {@code error}, whose status is 0). Callers tell apart what to do by {@link #code()}.
 */
public class ServerRefusedException extends RuntimeException {

    private final int status;
    private final String code;

    public ServerRefusedException(int status, String code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    /** The sign-in is missing, expired, revoked or replaced: signing in again is the way on. */
    public boolean needsSignIn() {
        return status == 401;
    }
}
