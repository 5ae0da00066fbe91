package vn.mydrive.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;

/**
 * The security headers of every answer. No page may be framed (clickjacking), nothing is sniffed into another
 * type, and no address leaves the site in a Referer. Pages and the API are never stored by browsers or proxies
 * (they show one person's files and tokens). Pages get their Content-Security-Policy from PrimeFaces, which adds a
 * nonce to every script it renders (see {@code primefaces.CSP_POLICY} in web.xml); everything else that is not a
 * static resource gets one that allows nothing at all, since it is data, never a document to run.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class SecurityHeaders extends HttpFilter {

    private static final long serialVersionUID = 1L;
    static final String DATA_POLICY = "default-src 'none'; frame-ancestors 'none'; sandbox";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Referrer-Policy", "same-origin");
        String path = request.getServletPath();
        boolean resource = path.startsWith("/jakarta.faces.resource/") || path.startsWith("/resources/")
                || path.equals("/favicon.ico");
        boolean page = path.equals("/") || path.endsWith(".xhtml");
        if (!resource) {
            response.setHeader("Cache-Control", "no-store");
        }
        if (!resource && !page) {
            response.setHeader("Content-Security-Policy", DATA_POLICY);
        }
        chain.doFilter(request, path.startsWith("/api") ? new OwnPolicies(response) : response);
    }

    /**
     * Lets an answer that sets its own framing or content policy (a file's preview, shown in the site's frame)
     * replace the defaults above instead of adding to them: two policies would both apply, the stricter winning.
     */
    private static final class OwnPolicies extends HttpServletResponseWrapper {

        OwnPolicies(HttpServletResponse response) {
            super(response);
        }

        @Override
        public void addHeader(String name, String value) {
            if (replaces(name)) {
                super.setHeader(name, value);
            } else {
                super.addHeader(name, value);
            }
        }

        private static boolean replaces(String name) {
            return name.equalsIgnoreCase("Content-Security-Policy") || name.equalsIgnoreCase("X-Frame-Options");
        }
    }
}
