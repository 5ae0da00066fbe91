package vn.mydrive.auth;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import vn.mydrive.platform.security.Roles;
import vn.mydrive.platform.web.ClientAddresses;

/**
 * For admins: disabling an account (its session ends at once; it cannot sign in; its files stay) and enabling it
 * again. Both answer 204, and are safe to repeat.
 */
@Path("admin/accounts/{username}")
@RequestScoped
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class AccountAdminResource {

    @Inject
    AuthService auth;

    @Inject
    ClientAddresses clientAddresses;

    @Context
    SecurityContext security;

    @Context
    HttpServletRequest request;

    @POST
    @Path("disable")
    public Response disable(@PathParam("username") String username) {
        return set(username, true);
    }

    @POST
    @Path("enable")
    public Response enable(@PathParam("username") String username) {
        return set(username, false);
    }

    private Response set(String username, boolean disabled) {
        auth.setDisabled(username, disabled, security.getUserPrincipal().getName(), clientAddresses.of(request));
        return Response.noContent().build();
    }
}
