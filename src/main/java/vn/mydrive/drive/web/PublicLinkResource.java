package vn.mydrive.drive.web;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.container.Suspended;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import vn.mydrive.drive.FileService;
import vn.mydrive.drive.LinkService;
import vn.mydrive.drive.LinkService.OpenedLink;
import vn.mydrive.platform.concurrent.Workers;
import vn.mydrive.platform.web.ClientAddresses;

/**
 * A public link, for anyone holding it, signed in or not: what it gives, and the file's bytes with {@code Range}
 * (resumable, streamable). A link with a password takes it in the {@code X-Link-Password} header (scripts, curl),
 * or from the browser session that typed it on the link's page. Every answer says {@code Cache-Control:
 * no-store}: a revoked link must stop working for shared caches too.
 */
@Path("public/links/{token}")
@RequestScoped
@PermitAll
public class PublicLinkResource {

    /** The header a script sends a link's password in. */
    public static final String PASSWORD_HEADER = "X-Link-Password";

    /** What a link gives, before downloading it. */
    public record LinkedFile(String name, long size, String contentType, String sha256, Instant expiresAt) {
    }

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
    public Response describe(@PathParam("token") String token, @HeaderParam(PASSWORD_HEADER) String password) {
        OpenedLink opened = open(token, password);
        return Response.ok(new LinkedFile(opened.file().name(), opened.file().size(), opened.file().contentType(),
                opened.file().sha256(), opened.link().expiresAt())).header("Cache-Control", "no-store").build();
    }

    @HEAD
    @Path("content")
    public Response head(@PathParam("token") String token, @HeaderParam(PASSWORD_HEADER) String password,
                         @Context HttpHeaders headers) {
        OpenedLink opened = open(token, password);
        return FileContent.answer(files, opened.file(), Presentation.download(opened.file()), headers, false)
                .header("Cache-Control", "no-store").build();
    }

    @GET
    @Path("content")
    @Produces(MediaType.WILDCARD)
    public void content(@PathParam("token") String token, @HeaderParam(PASSWORD_HEADER) String password,
                        @Context HttpHeaders headers, @Suspended AsyncResponse response) {
        OpenedLink opened = open(token, password);
        Response.ResponseBuilder answer = FileContent.answer(files, opened.file(), Presentation.download(opened.file()),
                headers, true).header("Cache-Control", "no-store");
        String address = clientAddresses.of(request);
        executor.execute(() -> {
            Response built = answer.build();
            if (FileContent.isWholeFile(built)) {
                links.downloaded(opened, address);
            }
            response.resume(built);
        });
    }

    private OpenedLink open(String token, String password) {
        return links.open(token, password, LinkPage.isUnlocked(request, token), clientAddresses.of(request));
    }
}
