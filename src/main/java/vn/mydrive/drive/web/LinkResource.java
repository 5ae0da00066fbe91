package vn.mydrive.drive.web;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
import java.time.format.DateTimeParseException;
import java.util.List;
import org.bson.types.ObjectId;
import vn.mydrive.drive.Link;
import vn.mydrive.drive.LinkService;
import vn.mydrive.platform.security.Roles;
import vn.mydrive.platform.web.ClientAddresses;
import vn.mydrive.platform.web.InvalidRequestException;

/**
 * An owner's public links: make one for a file or a folder, list a file's or a folder's links (with their download
 * counts), revoke one.
 */
@Path("links")
@RequestScoped
@RolesAllowed({Roles.USER, Roles.ADMIN})
@Produces(MediaType.APPLICATION_JSON)
public class LinkResource {

    /**
     * Body of POST: the file or (instead) the folder, and optionally when the link expires (ISO-8601 instant) and
     * its password.
     */
    public record NewLink(String fileId, String folderId, String expiresAt, String password) {
    }

    /**
     * A link as its owner sees it ({@code fileId} or {@code folderId}, the other left out). {@code path} is where it
     * opens, under the application's address: the page for a browser; what it gives is at
     * {@code /api/public/links/{token}} (see {@link PublicLinkResource}).
     */
    public record LinkView(String id, String fileId, String folderId, String token, String path, Instant createdAt,
                           Instant expiresAt, boolean password, long downloads) {

        static LinkView of(Link link) {
            return new LinkView(link.id().toHexString(), hex(link.fileId()), hex(link.folderId()), link.token(),
                    LinkPage.path(link.token()), link.createdAt(), link.expiresAt(), link.hasPassword(),
                    link.downloads());
        }

        private static String hex(ObjectId id) {
            return id == null ? null : id.toHexString();
        }
    }

    @Inject
    LinkService links;

    @Inject
    ClientAddresses clientAddresses;

    @Context
    SecurityContext security;

    @Context
    HttpServletRequest request;

    /** The links to one of the caller's files ({@code file=ID}) or folders ({@code folder=ID}). */
    @GET
    public List<LinkView> list(@QueryParam("file") String fileId, @QueryParam("folder") String folderId) {
        if ((fileId == null) == (folderId == null)) {
            throw new InvalidRequestException("invalid_query", "Ask for the links of one file or of one folder.");
        }
        return (fileId != null ? links.of(viewer(), fileId) : links.ofFolder(viewer(), folderId)).stream()
                .map(LinkView::of).toList();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(NewLink body) {
        if (body == null || (body.fileId() == null) == (body.folderId() == null)) {
            throw new InvalidRequestException("invalid_link", "Send the fileId or the folderId the link is for.");
        }
        Instant expiresAt;
        try {
            expiresAt = body.expiresAt() == null || body.expiresAt().isBlank() ? null : Instant.parse(body.expiresAt());
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException("invalid_link", "expiresAt is an ISO-8601 instant, e.g. 2027-01-31T17:00:00Z.");
        }
        Link link = body.fileId() != null
                ? links.create(viewer(), body.fileId(), expiresAt, body.password(), clientAddresses.of(request))
                : links.createForFolder(viewer(), body.folderId(), expiresAt, body.password(), clientAddresses.of(request));
        return Response.status(Response.Status.CREATED).entity(LinkView.of(link)).build();
    }

    @DELETE
    @Path("{id}")
    public Response revoke(@PathParam("id") String id) {
        links.revoke(viewer(), id, clientAddresses.of(request));
        return Response.noContent().build();
    }

    private String viewer() {
        return security.getUserPrincipal().getName();
    }
}
