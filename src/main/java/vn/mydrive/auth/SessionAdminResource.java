package vn.mydrive.auth;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;
import vn.mydrive.platform.security.Roles;
import vn.mydrive.platform.web.ApiException;
import vn.mydrive.platform.web.ClientAddresses;

/** For admins: the live sessions, and ending one (its token stops working at once, its pages go to sign-in). */
@Path("admin/sessions")
@RequestScoped
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class SessionAdminResource {

    @Inject
    AuthService auth;

    @Inject
    ClientAddresses clientAddresses;

    @Context
    SecurityContext security;

    @Context
    HttpServletRequest request;

    @GET
    public List<AuthService.SessionView> sessions() {
        return auth.liveSessions();
    }

    @DELETE
    @Path("{username}")
    public Response end(@PathParam("username") String username) {
        if (!auth.endSession(username, security.getUserPrincipal().getName(), clientAddresses.of(request))) {
            throw new ApiException(Response.Status.NOT_FOUND, "no_session", "That account has no live session.");
        }
        return Response.noContent().build();
    }
}
