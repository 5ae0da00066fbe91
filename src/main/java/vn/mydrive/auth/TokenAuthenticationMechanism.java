package vn.mydrive.auth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import vn.mydrive.platform.security.CallerAttributes;
import vn.mydrive.platform.security.TokenPrincipal;
import vn.mydrive.platform.security.TokenRejectedException;

/**
 * The app's one authentication mechanism (Jakarta Security), for pages, API and WebSocket handshakes alike.
 * The token comes from {@code Authorization: Bearer} (API clients) or the session cookie (browsers). A valid
 * token makes its MicroProfile JWT the caller principal and its groups the caller's roles. Without one, a
 * protected page sends the visitor to sign in and back; everything else goes on anonymously and decides
 * for itself (the API answers 401 with the reason left here).
 */
@ApplicationScoped
public class TokenAuthenticationMechanism implements HttpAuthenticationMechanism {

    static final String SIGN_IN_PAGE = "/login.xhtml";
    private static final String BEARER = "Bearer ";

    @Inject
    TokenAuthenticator authenticator;

    @Inject
    SessionCookie cookie;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) {
        if (isStaticResource(request)) {
            return context.doNothing();
        }
        String header = request.getHeader("Authorization");
        boolean fromHeader = header != null && header.regionMatches(true, 0, BEARER, 0, BEARER.length());
        String token = fromHeader ? header.substring(BEARER.length()).trim() : cookie.read(request).orElse(null);
        if (token == null || token.isEmpty()) {
            return mustSignIn(request, context) ? sendToSignIn(request, response, context) : context.doNothing();
        }
        try {
            TokenPrincipal principal = authenticator.authenticate(token);
            request.setAttribute(CallerAttributes.TOKEN, principal);
            request.setAttribute(CallerAttributes.TOKEN_SOURCE, fromHeader ? "header" : "cookie");
            return context.notifyContainerAboutLogin(principal, principal.getGroups());
        } catch (TokenRejectedException e) {
            request.setAttribute(CallerAttributes.TOKEN_REJECTED, e);
            if (!fromHeader) {
                // A dead cookie would be sent with every request from now on; drop it.
                cookie.clear(request, response);
            }
            return mustSignIn(request, context) ? sendToSignIn(request, response, context) : context.doNothing();
        }
    }

    /** Only pages send people to sign in; the API and the WebSocket answer for themselves. */
    private static boolean mustSignIn(HttpServletRequest request, HttpMessageContext context) {
        String path = request.getServletPath();
        return context.isProtected() && !path.startsWith("/api/") && !path.startsWith("/ws/");
    }

    private static boolean isStaticResource(HttpServletRequest request) {
        String path = request.getServletPath();
        return path.startsWith("/jakarta.faces.resource/") || path.startsWith("/resources/");
    }

    /** Redirects to sign-in with the page to come back to; a Faces ajax request gets the redirect as XML. */
    private static AuthenticationStatus sendToSignIn(HttpServletRequest request, HttpServletResponse response,
                                                     HttpMessageContext context) {
        String back = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo())
                + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
        String location = request.getContextPath() + SIGN_IN_PAGE + "?next="
                + URLEncoder.encode(back, StandardCharsets.UTF_8);
        if ("partial/ajax".equals(request.getHeader("Faces-Request"))) {
            try {
                response.setContentType("text/xml");
                response.setCharacterEncoding("UTF-8");
                response.getWriter().write("<?xml version='1.0' encoding='UTF-8'?><partial-response><redirect url=\""
                        + location.replace("&", "&amp;").replace("\"", "&quot;") + "\"/></partial-response>");
            } catch (IOException e) {
                return context.responseUnauthorized();
            }
            return AuthenticationStatus.SEND_CONTINUE;
        }
        return context.redirect(location);
    }
}
