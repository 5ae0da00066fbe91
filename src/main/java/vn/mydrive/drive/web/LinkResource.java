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
import vn.mydrive.drive.Link;
import vn.mydrive.drive.LinkService;
import vn.mydrive.platform.security.Roles;
import vn.mydrive.platform.web.ClientAddresses;
import vn.mydrive.platform.web.InvalidRequestException;

/** An owner's public links: make one for a file, list a file's links (with their download counts), revoke one. */
@Path("links")
@RequestScoped
@RolesAllowed({Roles.USER, Roles.ADMIN})
@Produces(MediaType.APPLICATION_JSON)
public class LinkResource {

    /** Body of POST: the file, and optionally when the link expires (ISO-8601 instant) and its password. */
    public record NewLink(String fileId, String expiresAt, String password) {
    }

    /**
     * A link as its owner sees it. {@code path} is where it opens, under the application's address: the page for a
     * browser; its bytes are at {@code /api/public/links/{token}/content}.
     */
    public record LinkView(String id, String fileId, String token, String path, Instant createdAt, Instant expiresAt,
                           boolean password, long downloads) {

        static LinkView of(Link link) {
            return new LinkView(link.id().toHexString(), link.fileId().toHexString(), link.token(),
                    LinkPage.path(link.token()), link.createdAt(), link.expiresAt(), link.hasPassword(),
                    link.downloads());
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

    @GET
    public List<LinkView> list(@QueryParam("file") String fileId) {
        return links.of(viewer(), fileId).stream().map(LinkView::of).toList();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(NewLink body) {
        if (body == null || body.fileId() == null) {
            throw new InvalidRequestException("invalid_link", "Send the fileId the link is for.");
        }
        Instant expiresAt;
        try {
            expiresAt = body.expiresAt() == null || body.expiresAt().isBlank() ? null : Instant.parse(body.expiresAt());
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException("invalid_link", "expiresAt is an ISO-8601 instant, e.g. 2027-01-31T17:00:00Z.");
        }
        Link link = links.create(viewer(), body.fileId(), expiresAt, body.password(), clientAddresses.of(request));
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
