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
import java.time.Instant;
import java.util.List;
import vn.mydrive.drive.FileQuery;
import vn.mydrive.drive.FileService;
import vn.mydrive.drive.TrashedFolder;
import vn.mydrive.platform.security.AccountKey;
import vn.mydrive.platform.security.Roles;
import vn.mydrive.platform.web.ClientAddresses;

/**
 * The caller's trash: what {@code DELETE /api/files/{id}} and {@code DELETE /api/folders/{id}} moved there, newest
 * first; restore a file or a deleted folder, delete one for good, or empty it. A deleted folder is one item
 * ({@code /folders}) standing for the files that went with it. Nobody else's trash is ever reachable: another
 * account's trashed file or folder is not found.
 */
@Path("trash")
@RequestScoped
@RolesAllowed({Roles.USER, Roles.ADMIN})
@Produces(MediaType.APPLICATION_JSON)
public class TrashResource {

    /** What emptying the trash deleted. */
    public record Emptied(int deleted) {
    }

    /** A deleted folder in the trash: its names from the top down ({@code path}), and the files that went with it. */
    public record DeletedFolderView(String id, String name, List<String> path, long files, long bytes,
                                    Instant trashedAt) {

        static DeletedFolderView of(TrashedFolder folder) {
            return new DeletedFolderView(folder.id().toHexString(), folder.name(), folder.path(), folder.files(),
                    folder.bytes(), folder.trashedAt());
        }
    }

    /** What restoring or deleting a deleted folder did: how many of its files. */
    public record FolderFiles(int files) {
    }

    @Inject
    FileService files;

    @Inject
    ClientAddresses clientAddresses;

    @Context
    SecurityContext security;

    @Context
    HttpServletRequest request;

    /**
     * The trashed files: all of them; or ({@code deletedFolder=none}) those deleted on their own, as the page lists
     * them beside the deleted folders; or ({@code deletedFolder=ID}) those that went with one deleted folder.
     */
    @GET
    public FileResource.FileList list(@QueryParam("page") @DefaultValue("0") String pageParam,
                         @QueryParam("size") @DefaultValue("50") String sizeParam,
                         @QueryParam("deletedFolder") String deletedFolder) {
        PageRequest page = PageRequest.parse(pageParam, sizeParam);
        FileQuery query = new FileQuery(AccountKey.of(viewer()), FileQuery.Scope.TRASH, null, null,
                FileQuery.Sort.TRASHED_AT, false, page.offset(), page.size(), false, null);
        if (deletedFolder != null) {
            query = query.in("none".equals(deletedFolder) ? null : FileService.parseId(deletedFolder));
        }
        return FileResource.FileList.of(files.list(query), page, viewer());
    }

    /** The folders deleted with files still in the trash, the last deleted first. */
    @GET
    @Path("folders")
    public List<DeletedFolderView> folders() {
        return files.trashedFolders(viewer()).stream().map(DeletedFolderView::of).toList();
    }

    /** Puts a deleted folder back where it was, with every file that went with it. */
    @POST
    @Path("folders/{id}/restore")
    public FolderFiles restoreFolder(@PathParam("id") String id) {
        return new FolderFiles(files.restoreFolder(viewer(), id, clientAddresses.of(request)));
    }

    /** Deletes for good every file that went to the trash with a deleted folder. */
    @DELETE
    @Path("folders/{id}")
    public FolderFiles deleteFolderForever(@PathParam("id") String id) {
        return new FolderFiles(files.deleteFolderForever(viewer(), id, clientAddresses.of(request)));
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
