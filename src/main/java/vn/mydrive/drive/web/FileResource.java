package vn.mydrive.drive.web;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.container.Suspended;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.types.ObjectId;
import vn.mydrive.drive.DriveSettings;
import vn.mydrive.drive.FileQuery;
import vn.mydrive.drive.FileService;
import vn.mydrive.drive.FolderService;
import vn.mydrive.drive.Page;
import vn.mydrive.drive.StoredFile;
import vn.mydrive.drive.Thumbnails;
import vn.mydrive.drive.DriveExceptions.NoPreviewException;
import vn.mydrive.drive.Visibility;
import vn.mydrive.platform.concurrent.Workers;
import vn.mydrive.platform.security.AccountKey;
import vn.mydrive.platform.security.Roles;
import vn.mydrive.platform.time.VietnamTime;
import vn.mydrive.platform.web.ClientAddresses;
import vn.mydrive.platform.web.ContentDisposition;
import vn.mydrive.platform.web.InvalidRequestException;

/**
 * The drive over plain HTTP: the file list, one file's details, rename / re-share / trash by its owner,
 * and the file's bytes with {@code Range}, {@code ETag} and the real name, for browsers, curl and download
 * managers, either to save ({@code content}) or to look at ({@code preview}, see {@link Presentation}). Bytes are streamed a chunk at a time from a managed executor thread.
 */
@Path("files")
@RequestScoped
@RolesAllowed({Roles.USER, Roles.ADMIN})
@Produces(MediaType.APPLICATION_JSON)
public class FileResource {

    /** Files one zip may hold: their ids (28 characters each with "&id=") fit any server's 8 KiB request line. */
    static final int MAX_ARCHIVE_FILES = 200;

    /** Body of PATCH: any field may be left out; {@code folderId} "" is the top of the drive. */
    public record FilePatch(String name, String visibility, String folderId) {
    }

    public record FileList(List<FileView> items, long total, int page, int size) {

        static FileList of(Page<StoredFile> result, PageRequest page, String viewer) {
            return new FileList(result.items().stream().map(f -> FileView.of(f, viewer)).toList(), result.total(),
                    page.page(), page.size());
        }
    }

    /** Bytes the caller's files and unfinished uploads take, and the most they may. */
    public record Usage(long used, long quota) {
    }

    @Inject
    FileService files;

    @Inject
    ClientAddresses clientAddresses;

    @Inject
    DriveSettings settings;

    @Inject
    Thumbnails thumbnails;

    @Inject
    FolderService folders;

    @Resource(lookup = Workers.JNDI_NAME)
    ManagedExecutorService executor;

    @Context
    SecurityContext security;

    @Context
    HttpServletRequest request;

    @GET
    public FileList list(@QueryParam("page") @DefaultValue("0") String pageParam,
                         @QueryParam("size") @DefaultValue("50") String sizeParam,
                         @QueryParam("sort") @DefaultValue("uploadDate") String sort,
                         @QueryParam("order") @DefaultValue("desc") String order,
                         @QueryParam("name") String name,
                         @QueryParam("owner") String owner,
                         @QueryParam("mine") @DefaultValue("false") boolean mine,
                         @QueryParam("sharedWithMe") @DefaultValue("false") boolean sharedWithMe,
                         @QueryParam("folder") String folder) {
        PageRequest page = PageRequest.parse(pageParam, sizeParam);
        if (!order.equals("asc") && !order.equals("desc")) {
            throw new InvalidRequestException("invalid_query", "order is asc or desc.");
        }
        if ((name != null && name.length() > 255) || (owner != null && owner.length() > 64)) {
            throw new InvalidRequestException("invalid_query", "The filters are too long.");
        }
        if (mine && sharedWithMe) {
            throw new InvalidRequestException("invalid_query", "Ask for mine or sharedWithMe, not both.");
        }
        FileQuery.Scope scope = mine ? FileQuery.Scope.MINE
                : sharedWithMe ? FileQuery.Scope.SHARED_WITH_ME : FileQuery.Scope.ALL;
        FileQuery query = new FileQuery(viewerKey(), scope,
                owner == null || owner.isBlank() ? null : AccountKey.of(owner.strip()), name, sortOf(sort),
                order.equals("asc"), page.offset(), page.size(), false, null);
        if (folder != null) {
            // The top of one's own drive, or a folder one may open: one's own, or shared with one (whoever added
            // each file in it); any other folder id is not found, as everywhere else.
            boolean top = folder.equals("top");
            query = new FileQuery(viewerKey(), top ? FileQuery.Scope.MINE : FileQuery.Scope.IN_FOLDER, null, name,
                    sortOf(sort), order.equals("asc"), page.offset(), page.size(), false, null)
                    .in(top ? null : folders.readable(viewer(), folder).id());
        }
        return FileList.of(files.list(query), page, viewer());
    }

    @GET
    @Path("usage")
    public Usage usage() {
        return new Usage(files.usedBy(viewer()), settings.quotaPerUser());
    }

    @GET
    @Path("{id}")
    public FileView get(@PathParam("id") String id) {
        return FileView.of(files.get(viewer(), id), viewer());
    }

    @PATCH
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public FileView change(@PathParam("id") String id, FilePatch patch) {
        if (patch == null || (patch.name() == null && patch.visibility() == null && patch.folderId() == null)) {
            throw new InvalidRequestException("invalid_patch", "Send a new name, a visibility, a folderId, or some.");
        }
        Visibility visibility = null;
        if (patch.visibility() != null) {
            visibility = Visibility.parse(patch.visibility());
            if (visibility == null) {
                throw new InvalidRequestException("invalid_patch", "visibility is shared or private.");
            }
        }
        StoredFile file = files.get(viewer(), id);
        if (patch.name() != null) {
            file = files.rename(viewer(), id, patch.name());
        }
        if (visibility != null) {
            file = files.setVisibility(viewer(), id, visibility, clientAddresses.of(request));
        }
        if (patch.folderId() != null) {
            file = files.moveTo(viewer(), id, patch.folderId().isBlank() ? null : patch.folderId(),
                    clientAddresses.of(request));
        }
        return FileView.of(file, viewer());
    }

    /** Body of POST shares: the account to share the file with. */
    public record PersonShare(String username) {
    }

    /** Shares one of the caller's files with another account by its name (again: no change). */
    @POST
    @Path("{id}/shares")
    @Consumes(MediaType.APPLICATION_JSON)
    public FileView shareWith(@PathParam("id") String id, PersonShare share) {
        if (share == null || share.username() == null || share.username().isBlank()) {
            throw new InvalidRequestException("invalid_share", "Send the username to share the file with.");
        }
        return FileView.of(files.shareWith(viewer(), id, share.username(), clientAddresses.of(request)), viewer());
    }

    /** Stops sharing one of the caller's files with that account (not shared with them: no change). */
    @DELETE
    @Path("{id}/shares/{username}")
    public FileView unshareWith(@PathParam("id") String id, @PathParam("username") String username) {
        return FileView.of(files.unshareWith(viewer(), id, username, clientAddresses.of(request)), viewer());
    }

    /** Moves the file to the trash ({@link TrashResource} restores it or deletes it for good). */
    @DELETE
    @Path("{id}")
    public Response trash(@PathParam("id") String id) {
        files.trash(viewer(), id, clientAddresses.of(request));
        return Response.noContent().build();
    }

    /**
     * The file's bytes, with {@code Range}: {@code content} to save them (a download), {@code preview} to look at
     * them in the browser (image, PDF, audio, video, text); {@link Presentation} says how each is served.
     */
    @HEAD
    @Path("{id}/{form: content|preview}")
    public Response head(@PathParam("id") String id, @PathParam("form") String form, @Context HttpHeaders headers) {
        StoredFile file = files.get(viewer(), id);
        return FileContent.answer(files, file, presentation(file, form), headers, false).build();
    }

    @GET
    @Path("{id}/{form: content|preview}")
    @Produces(MediaType.WILDCARD)
    public void bytes(@PathParam("id") String id, @PathParam("form") String form, @Context HttpHeaders headers,
                      @Suspended AsyncResponse response) {
        StoredFile file = files.get(viewer(), id);
        Response.ResponseBuilder answer = FileContent.answer(files, file, presentation(file, form), headers, true);
        boolean download = form.equals("content");
        String viewer = viewer();
        String address = clientAddresses.of(request);
        // Streaming a large file takes long: it runs on the managed executor, not on the request thread.
        executor.execute(() -> {
            Response built = answer.build();
            if (download && FileContent.isWholeFile(built)) {
                files.downloaded(file, viewer, address);
            }
            response.resume(built);
        });
    }

    /**
     * Several files and folders as one zip ({@code ?id=...&id=...&folder=...}), streamed as it is read from the
     * store: the files at the zip's top, each folder as a folder of the zip with everything in it and below it (as
     * {@code GET /api/folders/{id}/archive}). Every file and folder must be one the caller may open, else nothing is
     * sent (404); one named twice is in the zip once.
     */
    @GET
    @Path("archive")
    @Produces("application/zip")
    public void archive(@QueryParam("id") List<String> ids, @QueryParam("folder") List<String> folderIds,
                        @Suspended AsyncResponse response) {
        List<String> fileIds = distinct(ids);
        List<String> pickedFolders = distinct(folderIds);
        int named = fileIds.size() + pickedFolders.size();
        if (named == 0 || named > MAX_ARCHIVE_FILES) {
            throw new InvalidRequestException("invalid_query",
                    "Name 1.." + MAX_ARCHIVE_FILES + " files and folders with id= and folder=.");
        }
        String viewer = viewer();
        List<StoredFile> entries = fileIds.isEmpty() ? List.of() : files.getAll(viewer, fileIds);
        // A folder inside another one picked is in the zip once, where it was first reached.
        Map<ObjectId, FolderService.Subfolder> trees = new LinkedHashMap<>();
        pickedFolders.forEach(id -> folders.subtree(viewer, id).forEach(f -> trees.putIfAbsent(f.id(), f)));
        String address = clientAddresses.of(request);
        String name = "MyDrive " + VietnamTime.today() + ".zip";
        executor.execute(() -> {
            if (!entries.isEmpty()) {
                files.downloaded(entries, viewer, address);
            }
            if (!pickedFolders.isEmpty()) {
                files.downloaded(pickedFolders.size() + " folder(s) as a zip", viewer, address);
            }
            ZipArchive zip = new ZipArchive(files, List.of(ZipArchive.picked(entries), new FolderZipItems(files, List.copyOf(trees.values()))));
            response.resume(Response.ok(zip, "application/zip")
                    .header("Content-Disposition", ContentDisposition.attachment(name))
                    .header("X-Content-Type-Options", "nosniff")
                    .build());
        });
    }

    private static List<String> distinct(List<String> ids) {
        return ids == null ? List.of() : ids.stream().filter(id -> id != null && !id.isBlank()).distinct().toList();
    }

    /** The list's small picture of an image file, made when it was uploaded. */
    @GET
    @Path("{id}/thumbnail")
    @Produces("image/png")
    public Response thumbnail(@PathParam("id") String id) {
        byte[] png = thumbnails.of(viewer(), id)
                .orElseThrow(() -> new NoPreviewException("This file has no thumbnail."));
        return Response.ok(png).build();
    }

    private static Presentation presentation(StoredFile file, String form) {
        return form.equals("preview") ? Presentation.preview(file) : Presentation.download(file);
    }

    private static FileQuery.Sort sortOf(String sort) {
        return switch (sort) {
            case "name" -> FileQuery.Sort.NAME;
            case "owner" -> FileQuery.Sort.OWNER;
            case "size" -> FileQuery.Sort.SIZE;
            case "uploadDate" -> FileQuery.Sort.UPLOAD_DATE;
            default -> throw new InvalidRequestException("invalid_query", "sort is name, owner, size or uploadDate.");
        };
    }

    private String viewer() {
        return security.getUserPrincipal().getName();
    }

    private String viewerKey() {
        return AccountKey.of(viewer());
    }
}
