package vn.mydrive.drive.web;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import vn.mydrive.drive.FileService;
import vn.mydrive.platform.security.Roles;
import vn.mydrive.platform.web.ClientAddresses;

/** Admins remove any file for good (content that must go), by its id; the activity log says who did. */
@Path("admin/files")
@RequestScoped
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class AdminFileResource {

    @Inject
    FileService files;

    @Inject
    ClientAddresses clientAddresses;

    @Context
    SecurityContext security;

    @Context
    HttpServletRequest request;

    @DELETE
    @Path("{id}")
    public Response remove(@PathParam("id") String id) {
        files.remove(security.getUserPrincipal().getName(), id, clientAddresses.of(request));
        return Response.noContent().build();
    }
}
