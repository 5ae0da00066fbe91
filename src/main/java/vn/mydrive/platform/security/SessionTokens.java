package vn.mydrive.platform.security;

/**
 * Accepts a token only while the session it was issued for lives. Implemented by the auth feature; used by
 * anything that authenticates outside the servlet request path, such as a long-lived WebSocket checking
 * before each message that its session has not ended.
 */
public interface SessionTokens {

    /** Accepts the token and counts this as a sign of life of its session (a client's heartbeat). */
    TokenPrincipal authenticate(String token) throws TokenRejectedException;

    /** Accepts the token without counting a sign of life (a check made by the server, not the client). */
    TokenPrincipal check(String token) throws TokenRejectedException;
}
