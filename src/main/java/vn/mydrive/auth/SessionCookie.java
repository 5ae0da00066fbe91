package vn.mydrive.auth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.time.Instant;
import vn.mydrive.platform.security.TokenTransport;

/**
 * The browser's copy of its token: HttpOnly (scripts cannot read it), SameSite=Lax (other sites' forms and
 * scripts do not send it; links into the app still work), Secure whenever the page came over HTTPS, and
 * limited to the app's path.
 */
@ApplicationScoped
public class SessionCookie {

    @Inject
    TokenTransport transport;

    public void write(HttpServletRequest request, HttpServletResponse response, String token, Instant expiresAt) {
        long maxAge = Math.max(0, Duration.between(Instant.now(), expiresAt).toSeconds());
        response.addCookie(cookie(request, token, (int) Math.min(Integer.MAX_VALUE, maxAge)));
    }

    public void clear(HttpServletRequest request, HttpServletResponse response) {
        response.addCookie(cookie(request, "", 0));
    }

    private Cookie cookie(HttpServletRequest request, String value, int maxAge) {
        Cookie cookie = new Cookie(transport.cookieName(), value);
        cookie.setHttpOnly(true);
        cookie.setSecure(request.isSecure());
        cookie.setPath(request.getContextPath().isEmpty() ? "/" : request.getContextPath());
        cookie.setMaxAge(maxAge);
        cookie.setAttribute("SameSite", "Lax");
        return cookie;
    }
}
