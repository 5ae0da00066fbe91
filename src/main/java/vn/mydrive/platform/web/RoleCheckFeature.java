package vn.mydrive.platform.web;

import jakarta.annotation.Priority;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.AnnotatedElement;
import java.util.Arrays;
import java.util.List;
import vn.mydrive.platform.security.CallerAttributes;
import vn.mydrive.platform.security.TokenRejectedException;

/**
 * Enforces {@code @RolesAllowed}, {@code @PermitAll} and {@code @DenyAll} on resources with the same JSON
 * errors on every server: WildFly only checks them when told to, and Payara did not enforce them reliably.
 * A method's annotation overrides its class's; a resource with none is open.
 */
@Provider
public class RoleCheckFeature implements DynamicFeature {

    @Override
    public void configure(ResourceInfo resource, FeatureContext context) {
        RoleRule rule = RoleRule.of(resource.getResourceMethod());
        if (rule == null) {
            rule = RoleRule.of(resource.getResourceClass());
        }
        if (rule != null && !rule.permitAll()) {
            context.register(new RoleCheckFilter(rule));
        }
    }

    private record RoleRule(boolean permitAll, List<String> roles) {

        static RoleRule of(AnnotatedElement element) {
            if (element.isAnnotationPresent(DenyAll.class)) {
                return new RoleRule(false, List.of());
            }
            if (element.isAnnotationPresent(PermitAll.class)) {
                return new RoleRule(true, List.of());
            }
            RolesAllowed allowed = element.getAnnotation(RolesAllowed.class);
            return allowed == null ? null : new RoleRule(false, Arrays.asList(allowed.value()));
        }
    }

    @Priority(Priorities.AUTHORIZATION)
    private static final class RoleCheckFilter implements ContainerRequestFilter {

        private final RoleRule rule;

        RoleCheckFilter(RoleRule rule) {
            this.rule = rule;
        }

        @Override
        public void filter(ContainerRequestContext request) {
            var security = request.getSecurityContext();
            if (security.getUserPrincipal() == null) {
                // Request properties are the servlet request's attributes (JAX-RS spec), on every server.
                Object rejected = request.getProperty(CallerAttributes.TOKEN_REJECTED);
                if (rejected instanceof TokenRejectedException refused) {
                    throw new NotSignedInException(refused.reason().code(), refused.getMessage());
                }
                throw new NotSignedInException("unauthenticated", "Please sign in.");
            }
            if (rule.roles().stream().noneMatch(security::isUserInRole)) {
                throw new ForbiddenException("forbidden", "You are not allowed to do this.");
            }
        }
    }
}
