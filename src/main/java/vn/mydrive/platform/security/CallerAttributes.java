package vn.mydrive.platform.security;

/**
 * Request attributes through which the authentication mechanism tells the rest of the app what it found, so
 * an API can say why a request is anonymous and a cookie-authenticated request can be checked for CSRF.
 */
public final class CallerAttributes {

    /** The {@link TokenRejectedException} of a token that was presented but refused. */
    public static final String TOKEN_REJECTED = "vn.mydrive.token.rejected";
    /** The {@link TokenPrincipal} of the authenticated caller. */
    public static final String TOKEN = "vn.mydrive.token";
    /** {@code "cookie"} or {@code "header"}: where the accepted token came from. */
    public static final String TOKEN_SOURCE = "vn.mydrive.token.source";

    private CallerAttributes() {
    }
}
