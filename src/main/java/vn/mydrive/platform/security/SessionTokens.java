package vn.mydrive.platform.security;

/**
 * Accepts a token only while the session it was issued for lives, and counts each acceptance as a sign of
 * life of that session. Implemented by the auth feature; used by anything that authenticates outside the
 * servlet request path, such as a long-lived WebSocket checking that its session has not ended.
 */
public interface SessionTokens {

    TokenPrincipal authenticate(String token) throws TokenRejectedException;
}
