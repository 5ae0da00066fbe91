package vn.mydrive.auth;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;
import java.util.Set;
import vn.mydrive.platform.security.CallerAttributes;
import vn.mydrive.platform.web.ForbiddenException;
import vn.mydrive.platform.web.SameOrigin;

/**
 * Refuses a state-changing API request authenticated by the browser's cookie unless it comes from the app's
 * own pages ({@code Origin}, else {@code Referer}, names this host). SameSite already stops most cross-site
 * requests; this covers older browsers and same-site sub-domains. Bearer clients are not affected: another
 * site cannot make a browser send an Authorization header.
 */
@Provider
public class CrossSiteRequestFilter implements ContainerRequestFilter {

    private static final Set<String> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);

    @Override
    public void filter(ContainerRequestContext request) {
        if (SAFE.contains(request.getMethod())
                || !"cookie".equals(request.getProperty(CallerAttributes.TOKEN_SOURCE))) {
            return;
        }
        String origin = request.getHeaderString("Origin");
        if (origin == null) {
            origin = request.getHeaderString("Referer");
        }
        boolean secure = "https".equals(request.getUriInfo().getRequestUri().getScheme());
        if (!SameOrigin.matches(origin, secure, request.getHeaderString("Host"))) {
            throw new ForbiddenException("cross_site_request",
                    "This request did not come from a MyDrive page and was refused.");
        }
    }
}
