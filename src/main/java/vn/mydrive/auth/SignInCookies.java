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
 * The browser's cookies of signing in, all HttpOnly (scripts cannot read them), SameSite=Lax (other sites'
 * forms and scripts do not send them; links into the app still work), Secure whenever the page came over
 * HTTPS, and limited to the app's path:
 * <ul>
 * <li>the session cookie: the token itself, for as long as it lasts;</li>
 * <li>the device cookie: the token of this browser as a known device of the account (a year);</li>
 * <li>the ended-session cookie: the id of a token whose session just ended, kept a few minutes so the sign-in
 * page the browser lands on can say why (the session cookie is gone by then).</li>
 * </ul>
 */
@ApplicationScoped
public class SignInCookies {

    static final String DEVICE = "MYDRIVE_DEVICE";
    static final String ENDED = "MYDRIVE_ENDED";
    private static final Duration ENDED_KEPT = Duration.ofMinutes(10);

    @Inject
    TokenTransport transport;

    /** Starts the browser's session: rotates the HTTP session id (no fixation) and sets both cookies. */
    public void signedIn(HttpServletRequest request, HttpServletResponse response, SignIn signIn) {
        if (request.getSession(false) != null) {
            request.changeSessionId();
        }
        long maxAge = Math.max(0, Duration.between(Instant.now(), signIn.expiresAt()).toSeconds());
        response.addCookie(cookie(request, transport.cookieName(), signIn.token(), maxAge));
        response.addCookie(cookie(request, DEVICE, signIn.deviceToken(), KnownDevices.REMEMBERED.toSeconds()));
        response.addCookie(cookie(request, ENDED, "", 0));
    }

    /** Drops the session cookie (signed out, or its token was refused). */
    public void clear(HttpServletRequest request, HttpServletResponse response) {
        response.addCookie(cookie(request, transport.cookieName(), "", 0));
    }

    /** Drops the session cookie of a session that ended elsewhere, remembering which one for the sign-in page. */
    void ended(HttpServletRequest request, HttpServletResponse response, String tokenId) {
        clear(request, response);
        response.addCookie(cookie(request, ENDED, tokenId, ENDED_KEPT.toSeconds()));
    }

    /** The id of the token whose session ended, once: the cookie is dropped as it is read. */
    String takeEnded(HttpServletRequest request, HttpServletResponse response) {
        String tokenId = value(request, ENDED);
        if (tokenId != null) {
            response.addCookie(cookie(request, ENDED, "", 0));
        }
        return tokenId;
    }

    String device(HttpServletRequest request) {
        return value(request, DEVICE);
    }

    private static String value(HttpServletRequest request, String name) {
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (Cookie cookie : cookies) {
                if (cookie.getName().equals(name) && !cookie.getValue().isEmpty() && cookie.getValue().length() <= 64) {
                    return cookie.getValue();
                }
            }
        }
        return null;
    }

    private static Cookie cookie(HttpServletRequest request, String name, String value, long maxAge) {
        Cookie cookie = new Cookie(name, value);
        cookie.setHttpOnly(true);
        cookie.setSecure(request.isSecure());
        cookie.setPath(request.getContextPath().isEmpty() ? "/" : request.getContextPath());
        cookie.setMaxAge((int) Math.min(Integer.MAX_VALUE, maxAge));
        cookie.setAttribute("SameSite", "Lax");
        return cookie;
    }
}
