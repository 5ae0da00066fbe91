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
import java.util.Optional;
import vn.mydrive.platform.security.CallerAttributes;
import vn.mydrive.platform.security.PresentedToken;
import vn.mydrive.platform.security.TokenPrincipal;
import vn.mydrive.platform.security.TokenRejectedException;
import vn.mydrive.platform.security.TokenTransport;
import vn.mydrive.platform.web.ApiError;
import vn.mydrive.platform.web.SameOrigin;

/**
 * The app's one authentication mechanism (Jakarta Security), for pages, API and WebSocket handshakes alike.
 * The token comes from {@code Authorization: Bearer} (API clients) or the session cookie (browsers). A valid
 * token makes its MicroProfile JWT the caller principal and its groups the caller's roles. Without one:
 * a protected page sends the visitor to sign in and back; a WebSocket handshake is refused with 401 (and
 * with 403 when a cookie-carrying handshake comes from another site's page); the API goes on anonymously and
 * answers 401 itself, with the reason left here.
 */
@ApplicationScoped
public class TokenAuthenticationMechanism implements HttpAuthenticationMechanism {

    static final String SIGN_IN_PAGE = "/login.xhtml";

    @Inject
    TokenAuthenticator authenticator;

    @Inject
    TokenTransport transport;

    @Inject
    SignInCookies cookie;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) {
        String path = request.getServletPath();
        if (path.startsWith("/jakarta.faces.resource/") || path.startsWith("/resources/")) {
            return context.doNothing();
        }
        boolean handshake = path.startsWith("/ws/");
        Optional<PresentedToken> presented = transport.find(request.getHeader("Authorization"), request.getHeader("Cookie"));
        if (presented.isEmpty()) {
            return handshake
                    ? refuse(response, 401, new ApiError("unauthenticated", "Please sign in."))
                    : anonymous(request, response, context);
        }
        if (handshake && presented.get().fromCookie()
                && !SameOrigin.matches(request.getHeader("Origin"), request.isSecure(), request.getHeader("Host"))) {
            // Cross-site WebSocket hijacking: another site's page opening a socket with our cookie.
            return refuse(response, 403, new ApiError("cross_site_request",
                    "This connection did not come from a MyDrive page and was refused."));
        }
        try {
            // A socket's handshake reads the session from the store, as the socket's own checks do.
            TokenPrincipal principal = handshake ? authenticator.authenticate(presented.get().token())
                    : authenticator.authenticateRequest(presented.get().token());
            request.setAttribute(CallerAttributes.TOKEN, principal);
            request.setAttribute(CallerAttributes.TOKEN_SOURCE, presented.get().fromCookie() ? "cookie" : "header");
            return context.notifyContainerAboutLogin(principal, principal.getGroups());
        } catch (TokenRejectedException e) {
            request.setAttribute(CallerAttributes.TOKEN_REJECTED, e);
            if (presented.get().fromCookie()) {
                // A dead cookie would be sent with every request from now on; drop it, remembering for the sign-in
                // page why the session ended.
                if (e.tokenId() != null) {
                    cookie.ended(request, response, e.tokenId());
                } else {
                    cookie.clear(request, response);
                }
            }
            return handshake
                    ? refuse(response, 401, new ApiError(e.reason().code(), e.getMessage()))
                    : anonymous(request, response, context);
        }
    }

    /** Pages behind sign-in send the visitor to sign in; everything else goes on without a caller. */
    private static AuthenticationStatus anonymous(HttpServletRequest request, HttpServletResponse response,
                                                  HttpMessageContext context) {
        return context.isProtected() && !request.getServletPath().startsWith("/api/")
                ? sendToSignIn(request, response, context)
                : context.doNothing();
    }

    /**
     * Refuses a WebSocket handshake with the same JSON error body as the API, written and committed here so the
     * container does not replace it with an HTML error page.
     */
    private static AuthenticationStatus refuse(HttpServletResponse response, int status, ApiError error) {
        response.setStatus(status);
        if (status == 401) {
            response.setHeader("WWW-Authenticate", "Bearer realm=\"mydrive\", error=\"" + error.error() + "\"");
        }
        byte[] body = error.toJson().getBytes(StandardCharsets.UTF_8);
        response.setContentType("application/json;charset=UTF-8");
        response.setContentLength(body.length);
        response.setHeader("Cache-Control", "no-store");
        try {
            response.getOutputStream().write(body);
            response.flushBuffer();
        } catch (IOException e) {
            // The client is gone; the status was all it would have read.
        }
        return AuthenticationStatus.SEND_FAILURE;
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
