package vn.mydrive.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
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
        chain.doFilter(request, response);
    }
}
