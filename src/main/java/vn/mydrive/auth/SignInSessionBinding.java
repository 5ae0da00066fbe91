package vn.mydrive.auth;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import vn.mydrive.platform.security.CallerAttributes;
import vn.mydrive.platform.security.TokenPrincipal;

/**
 * Binds a browser's HTTP session (the page state Faces keeps: views and view-scoped beans) to the one sign-in
 * session it was made under. A request made under any other sign-in (another account signed in on the same
 * browser) or under none (the sign-in ended, or was signed out) finds that HTTP session invalidated before
 * anything is served, so a page opened by one person can never act for, or show the files of, another. The
 * session id itself is rotated at sign-in ({@link SignInCookies#signedIn}).
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class SignInSessionBinding extends HttpFilter {

    private static final long serialVersionUID = 1L;
    /** HTTP session attribute: the token id of the sign-in the session belongs to. */
    static final String SIGN_IN = "vn.mydrive.signIn";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = request.getServletPath();
        if (path.startsWith("/jakarta.faces.resource/") || path.startsWith("/resources/") || path.startsWith("/ws/")) {
            // Static resources are served without looking at the caller; sockets keep no page state.
            chain.doFilter(request, response);
            return;
        }
        String signIn = request.getAttribute(CallerAttributes.TOKEN) instanceof TokenPrincipal token
                ? token.getTokenID() : null;
        HttpSession session = request.getSession(false);
        if (session != null) {
            Object owner = sessionOwner(session);
            if (owner != null && !owner.equals(signIn)) {
                session.invalidate();
            }
        }
        try {
            chain.doFilter(request, response);
        } finally {
            HttpSession now = signIn == null ? null : request.getSession(false);
            if (now != null && sessionOwner(now) == null) {
                now.setAttribute(SIGN_IN, signIn);
            }
        }
    }

    private static Object sessionOwner(HttpSession session) {
        try {
            return session.getAttribute(SIGN_IN);
        } catch (IllegalStateException invalidated) {
            return null;
        }
    }
}
