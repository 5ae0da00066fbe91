package vn.mydrive.platform.web;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.Map;

/**
 * Caps the text an API request carries outside its body: no query parameter and no path segment of the API
 * is longer than {@value #MAX_VALUE_CHARS} characters, so no handler ever spends time on a megabyte "province".
 * Each resource still checks its own, tighter rules.
 */
@Provider
@PreMatching
public class QueryLimitFilter implements ContainerRequestFilter {

    static final int MAX_VALUE_CHARS = 1024;

    @Override
    public void filter(ContainerRequestContext request) {
        for (Map.Entry<String, List<String>> parameter : request.getUriInfo().getQueryParameters().entrySet()) {
            if (parameter.getKey().length() > MAX_VALUE_CHARS
                    || parameter.getValue().stream().anyMatch(v -> v.length() > MAX_VALUE_CHARS)) {
                throw tooLong();
            }
        }
        if (request.getUriInfo().getPathSegments().stream().anyMatch(s -> s.getPath().length() > MAX_VALUE_CHARS)) {
            throw tooLong();
        }
    }

    private static InvalidRequestException tooLong() {
        return new InvalidRequestException("parameter_too_long",
                "A parameter of this request is longer than " + MAX_VALUE_CHARS + " characters.");
    }
}
