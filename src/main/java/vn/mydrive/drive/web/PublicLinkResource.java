package vn.mydrive.drive.web;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.HeaderParam;
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
import java.time.Instant;
import java.util.List;
import vn.mydrive.drive.DriveExceptions.FileNotFoundException;
import vn.mydrive.drive.Folder;
import vn.mydrive.drive.FolderService;
import vn.mydrive.drive.StoredFile;
import vn.mydrive.platform.web.ContentDisposition;
import vn.mydrive.drive.FileService;
import vn.mydrive.drive.LinkService;
import vn.mydrive.drive.LinkService.OpenedLink;
import vn.mydrive.platform.concurrent.Workers;
import vn.mydrive.platform.web.ClientAddresses;

/**
 * A public link, for anyone holding it, signed in or not: what it gives, and the file's bytes with {@code Range}
 * (resumable, streamable); for a link to a folder, the folder's contents ({@code ?folder=ID} for a folder below it,
 * {@code page} and {@code size} for its files), each file's bytes ({@code files/{id}/content}), and a zip of the
 * folder or of one below it ({@code archive?folder=ID}). Nothing above or beside the linked folder is reachable. A link with a password takes it in the {@code X-Link-Password} header (scripts, curl),
 * or from the browser session that typed it on the link's page. Every answer says {@code Cache-Control:
 * no-store}: a revoked link must stop working for shared caches too.
 */
@Path("public/links/{token}")
@RequestScoped
@PermitAll
public class PublicLinkResource {

    /** The header a script sends a link's password in. */
    public static final String PASSWORD_HEADER = "X-Link-Password";

    /** What a link to a file gives, before downloading it ({@code kind} "file"). */
    public record LinkedFile(String kind, String name, long size, String contentType, String sha256,
                             Instant expiresAt) {
    }

    /**
     * A folder seen through a link ({@code kind} "folder"): its path from the linked folder down, the folders in it,
     * one page of its files (by name) and how many files it holds directly.
     */
    public record LinkedFolder(String kind, String id, String name, String path, Instant expiresAt,
                               List<Entry> folders, List<Entry> files, long fileCount) {
    }

    /** A folder ({@code size} 0, no type) or a file in a linked folder. */
    public record Entry(String id, String name, long size, String contentType, String sha256) {
    }

    @Inject
    FolderService folders;

    @Inject
    LinkService links;

    @Inject
    FileService files;

    @Inject
    ClientAddresses clientAddresses;

    @Resource(lookup = Workers.JNDI_NAME)
    ManagedExecutorService executor;

    @Context
    HttpServletRequest request;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response describe(@PathParam("token") String token, @HeaderParam(PASSWORD_HEADER) String password,
                             @QueryParam("folder") String folderId,
                             @QueryParam("page") @DefaultValue("0") String page,
                             @QueryParam("size") @DefaultValue("100") String size) {
        OpenedLink opened = open(token, password);
        if (opened.folder() == null) {
            StoredFile file = opened.file();
            return noStore(Response.ok(new LinkedFile("file", file.name(), file.size(), file.contentType(),
                    file.sha256(), opened.link().expiresAt())));
        }
        PageRequest pageRequest = PageRequest.parse(page, size);
        LinkService.FolderContents contents = links.contents(opened, folderId, pageRequest.offset(),
                pageRequest.size());
        Folder folder = contents.folder();
        return noStore(Response.ok(new LinkedFolder("folder", folder.id().toHexString(), folder.name(),
                contents.path(), opened.link().expiresAt(),
                contents.folders().stream().map(f -> new Entry(f.id().toHexString(), f.name(), 0, null, null)).toList(),
                contents.files().stream()
                        .map(f -> new Entry(f.id().toHexString(), f.name(), f.size(), f.contentType(), f.sha256()))
                        .toList(),
                contents.fileCount())));
    }

    /** A file in a linked folder (or below it), as {@code content} gives a linked file. */
    @HEAD
    @Path("files/{fileId}/content")
    public Response headInside(@PathParam("token") String token, @PathParam("fileId") String fileId,
                               @HeaderParam(PASSWORD_HEADER) String password, @Context HttpHeaders headers) {
        OpenedLink opened = open(token, password);
        StoredFile file = links.fileInside(opened, fileId);
        return noStore(FileContent.answer(files, file, Presentation.download(file), headers, false));
    }

    @GET
    @Path("files/{fileId}/content")
    @Produces(MediaType.WILDCARD)
    public void contentInside(@PathParam("token") String token, @PathParam("fileId") String fileId,
                              @HeaderParam(PASSWORD_HEADER) String password, @Context HttpHeaders headers,
                              @Suspended AsyncResponse response) {
        OpenedLink opened = open(token, password);
        send(opened, links.fileInside(opened, fileId), headers, response);
    }

    /** The linked folder, or one below it ({@code folder}), as one zip streamed from the store. */
    @GET
    @Path("archive")
    @Produces("application/zip")
    public void archive(@PathParam("token") String token, @HeaderParam(PASSWORD_HEADER) String password,
                        @QueryParam("folder") String folderId, @Suspended AsyncResponse response) {
        OpenedLink opened = open(token, password);
        Folder folder = links.folderInside(opened, folderId);
        List<FolderService.Subfolder> tree = folders.subtree(folder);
        String name = folder.name() + ".zip";
        String address = clientAddresses.of(request);
        executor.execute(() -> {
            links.downloaded(opened, name, address);
            response.resume(noStore(Response.ok(new ZipArchive(files, new FolderZipItems(files, tree)),
                    "application/zip")
                    .header("Content-Disposition", ContentDisposition.attachment(name))
                    .header("X-Content-Type-Options", "nosniff")));
        });
    }

    @HEAD
    @Path("content")
    public Response head(@PathParam("token") String token, @HeaderParam(PASSWORD_HEADER) String password,
                         @Context HttpHeaders headers) {
        OpenedLink opened = open(token, password);
        StoredFile file = linkedFile(opened);
        return noStore(FileContent.answer(files, file, Presentation.download(file), headers, false));
    }

    @GET
    @Path("content")
    @Produces(MediaType.WILDCARD)
    public void content(@PathParam("token") String token, @HeaderParam(PASSWORD_HEADER) String password,
                        @Context HttpHeaders headers, @Suspended AsyncResponse response) {
        OpenedLink opened = open(token, password);
        send(opened, linkedFile(opened), headers, response);
    }

    /** The file a link to a file gives; a link to a folder gives its files by their ids. */
    private static StoredFile linkedFile(OpenedLink opened) {
        if (opened.file() == null) {
            throw new FileNotFoundException();
        }
        return opened.file();
    }

    /** Sends the file's bytes (or the range asked for), counting a whole download, off the request thread. */
    private void send(OpenedLink opened, StoredFile file, HttpHeaders headers, AsyncResponse response) {
        Response.ResponseBuilder answer = FileContent.answer(files, file, Presentation.download(file), headers, true)
                .header("Cache-Control", "no-store");
        String address = clientAddresses.of(request);
        executor.execute(() -> {
            Response built = answer.build();
            if (FileContent.isWholeFile(built)) {
                links.downloaded(opened, file.name(), address);
            }
            response.resume(built);
        });
    }

    private static Response noStore(Response.ResponseBuilder answer) {
        return answer.header("Cache-Control", "no-store").build();
    }

    private OpenedLink open(String token, String password) {
        return links.open(token, password, LinkPage.isUnlocked(request, token), clientAddresses.of(request));
    }
}
