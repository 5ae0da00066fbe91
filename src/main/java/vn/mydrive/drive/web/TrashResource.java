package vn.mydrive.drive.web;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import vn.mydrive.drive.FileQuery;
import vn.mydrive.drive.FileService;
import vn.mydrive.platform.security.AccountKey;
import vn.mydrive.platform.security.Roles;
import vn.mydrive.platform.web.ClientAddresses;

/**
 * The caller's trash: what {@code DELETE /api/files/{id}} moved there, newest first; restore a file, delete one
 * for good, or empty it. Nobody else's trash is ever reachable: another account's trashed file is not found.
 */
@Path("trash")
@RequestScoped
@RolesAllowed({Roles.USER, Roles.ADMIN})
@Produces(MediaType.APPLICATION_JSON)
public class TrashResource {

    /** What emptying the trash deleted. */
    public record Emptied(int deleted) {
    }

    @Inject
    FileService files;

    @Inject
    ClientAddresses clientAddresses;

    @Context
    SecurityContext security;

    @Context
    HttpServletRequest request;

    @GET
    public FileResource.FileList list(@QueryParam("page") @DefaultValue("0") String pageParam,
                         @QueryParam("size") @DefaultValue("50") String sizeParam) {
        PageRequest page = PageRequest.parse(pageParam, sizeParam);
        FileQuery query = new FileQuery(AccountKey.of(viewer()), FileQuery.Scope.TRASH, null, null,
                FileQuery.Sort.TRASHED_AT, false, page.offset(), page.size(), false, null);
        return FileResource.FileList.of(files.list(query), page, viewer());
    }

    @POST
    @Path("{id}/restore")
    public FileView restore(@PathParam("id") String id) {
        return FileView.of(files.restore(viewer(), id, clientAddresses.of(request)), viewer());
    }

    @DELETE
    @Path("{id}")
    public Response deleteForever(@PathParam("id") String id) {
        files.deleteForever(viewer(), id, clientAddresses.of(request));
        return Response.noContent().build();
    }

    @DELETE
    public Emptied empty() {
        return new Emptied(files.emptyTrash(viewer(), clientAddresses.of(request)));
    }

    private String viewer() {
        return security.getUserPrincipal().getName();
    }
}
