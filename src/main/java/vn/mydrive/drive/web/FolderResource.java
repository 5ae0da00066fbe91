package vn.mydrive.drive.web;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.container.Suspended;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;
import java.util.Map;
import org.bson.types.ObjectId;
import vn.mydrive.drive.FileService;
import vn.mydrive.drive.Folder;
import vn.mydrive.drive.FolderService;
import vn.mydrive.drive.FolderTotals;
import vn.mydrive.platform.concurrent.Workers;
import vn.mydrive.platform.web.ClientAddresses;
import vn.mydrive.platform.web.ContentDisposition;
import vn.mydrive.platform.web.InvalidRequestException;
import vn.mydrive.platform.security.Roles;

/**
 * The caller's folders: make one, see one with the folders in it, rename or move it, share it with people,
 * delete it (what it holds goes to the trash); and the folders others shared with them. The
 * files in a folder are listed by {@code GET /api/files?folder=ID} ({@code folder=top} for the top of the drive)
 * and moved with {@code PATCH /api/files/{id}} {@code {"folderId": ...}}.
 */
@Path("folders")
@RequestScoped
@RolesAllowed({Roles.USER, Roles.ADMIN})
@Produces(MediaType.APPLICATION_JSON)
public class FolderResource {

    /** Body of POST: {@code parentId} null or "" for the top of the drive. */
    public record NewFolder(String name, String parentId) {
    }

    /** Body of PATCH: either may be left out; {@code parentId} "" moves the folder to the top of the drive. */
    public record FolderPatch(String name, String parentId) {
    }

    /**
     * A folder as the API shows it: where it is ({@code path}, its own name last, from the highest folder the
     * caller may open), what it holds ({@code files}, {@code bytes}: every file in it and its subfolders, whoever added
     * it, the trash aside), the folders in it, whose it is, what the caller may do in it ({@code access}: {@code owner},
     * {@code add} or {@code view}), and, to its owner only, who it is shared with ({@code people}).
     */
    public record FolderView(String id, String name, String parentId, String path, long files, long bytes,
                             List<FolderView> folders, String owner, String access, List<Person> people) {
    }

    /** Someone a folder is shared with by name, and whether they may add files to it. */
    public record Person(String username, boolean canAdd) {
    }

    /** Body of POST {@code /{id}/shares}: whom to share with, and whether they may add files (default: view only). */
    public record FolderShare(String username, Boolean canAdd) {
    }

    @Inject
    FolderService folders;

    @Inject
    ClientAddresses clientAddresses;

    @Inject
    FileService files;

    @Resource(lookup = Workers.JNDI_NAME)
    ManagedExecutorService executor;

    @Context
    SecurityContext security;

    @Context
    HttpServletRequest request;

    /**
     * The folder as one zip, its subfolders as folders inside it, streamed as the store is read (as
     * {@code GET /api/files/archive}); empty subfolders are left out, as zip tools do with nothing to hold.
     */
    @GET
    @Path("{id}/archive")
    @Produces("application/zip")
    public void archive(@PathParam("id") String id, @Suspended AsyncResponse response) {
        String owner = viewer();
        List<FolderService.Subfolder> tree = folders.subtree(owner, id);
        String name = tree.get(0).names().get(0) + ".zip";
        String address = clientAddresses.of(request);
        executor.execute(() -> {
            files.downloaded(name, owner, address);
            response.resume(Response.ok(new ZipArchive(files, new FolderZipItems(files, tree)), "application/zip")
                    .header("Content-Disposition", ContentDisposition.attachment(name))
                    .header("X-Content-Type-Options", "nosniff")
                    .build());
        });
    }

    /** The folders at the top of the caller's drive, or ({@code sharedWithMe=true}) those others shared with them. */
    @GET
    public List<FolderView> top(@QueryParam("sharedWithMe") @DefaultValue("false") boolean sharedWithMe) {
        if (sharedWithMe) {
            return folders.sharedWith(viewer()).stream()
                    .map(f -> view(f, folders.totals(f.owner()), List.of())).toList();
        }
        Map<ObjectId, FolderTotals> totals = folders.totals(viewer());
        return folders.children(viewer(), null).stream().map(f -> view(f, totals, List.of())).toList();
    }

    /** One folder the caller may open (theirs, or shared with them here or above) with the folders in it. */
    @GET
    @Path("{id}")
    public FolderView get(@PathParam("id") String id) {
        Folder folder = folders.readable(viewer(), id);
        Map<ObjectId, FolderTotals> totals = folders.totals(folder.owner());
        return view(folder, totals, folders.children(folder.owner(), folder.id()).stream()
                .map(f -> view(f, totals, List.of())).toList());
    }

    /**
     * Shares one of the caller's folders, with everything in it and below it, with another account by its name:
     * to view, or ({@code canAdd}) also to add files. Again with the same person: what they may do changes.
     */
    @POST
    @Path("{id}/shares")
    @Consumes(MediaType.APPLICATION_JSON)
    public FolderView shareWith(@PathParam("id") String id, FolderShare share) {
        if (share == null || share.username() == null || share.username().isBlank()) {
            throw new InvalidRequestException("invalid_share", "Send the username to share the folder with.");
        }
        Folder folder = folders.shareWith(viewer(), id, share.username(), Boolean.TRUE.equals(share.canAdd()),
                clientAddresses.of(request));
        return view(folder, folders.totals(viewer()), List.of());
    }

    /** Stops sharing one of the caller's folders with that account (not shared with them: no change). */
    @DELETE
    @Path("{id}/shares/{username}")
    public FolderView unshareWith(@PathParam("id") String id, @PathParam("username") String username) {
        Folder folder = folders.unshareWith(viewer(), id, username, clientAddresses.of(request));
        return view(folder, folders.totals(viewer()), List.of());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(NewFolder body) {
        if (body == null || body.name() == null) {
            throw new InvalidRequestException("invalid_folder", "Send the folder's name (and parentId, if any).");
        }
        Folder folder = folders.create(viewer(), body.name(), body.parentId(), clientAddresses.of(request));
        return Response.status(Response.Status.CREATED).entity(view(folder, Map.of(), List.of())).build();
    }

    @PATCH
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public FolderView change(@PathParam("id") String id, FolderPatch patch) {
        if (patch == null || (patch.name() == null && patch.parentId() == null)) {
            throw new InvalidRequestException("invalid_folder", "Send a new name, a parentId, or both.");
        }
        Folder folder = folders.owned(viewer(), id);
        if (patch.name() != null) {
            folder = folders.rename(viewer(), id, patch.name());
        }
        if (patch.parentId() != null) {
            folder = folders.move(viewer(), id, patch.parentId(), clientAddresses.of(request));
        }
        return view(folder, folders.totals(viewer()), List.of());
    }

    /** What deleting a folder moved to the trash. */
    public record Trashed(int trashed) {
    }

    /**
     * Deletes the folder with everything in it: its files, its subfolders' too, go to the trash (each restored file
     * makes its folders again) and the folders go.
     */
    @DELETE
    @Path("{id}")
    public Trashed delete(@PathParam("id") String id) {
        return new Trashed(files.trashFolder(viewer(), id, clientAddresses.of(request)));
    }

    private FolderView view(Folder folder, Map<ObjectId, FolderTotals> totals, List<FolderView> children) {
        FolderTotals holds = totals.getOrDefault(folder.id(), FolderTotals.NONE);
        String viewer = viewer();
        boolean owns = folder.isOwnedBy(viewer);
        List<Person> people = owns ? folder.sharedWith().stream()
                .map(key -> new Person(key, folder.contributors().contains(key))).toList() : null;
        return new FolderView(folder.id().toHexString(), folder.name(),
                folder.parentId() == null ? null : folder.parentId().toHexString(),
                FolderService.text(folders.visiblePath(viewer, folder)),
                holds.files(), holds.bytes(), children, folder.owner(), folders.access(viewer, folder).wireName(),
                people);
    }

    private String viewer() {
        return security.getUserPrincipal().getName();
    }
}
