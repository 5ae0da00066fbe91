package vn.mydrive.drive.web;

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
import java.time.Instant;
import java.util.List;
import vn.mydrive.drive.FileService;
import vn.mydrive.drive.OpenUpload;
import vn.mydrive.drive.UploadService;
import vn.mydrive.platform.security.Roles;
import vn.mydrive.platform.web.ClientAddresses;

/**
 * The caller's unfinished uploads, kept by the server until they expire: listed so a person can see what is
 * waiting (and resume it by sending the same file again, which the fingerprint confirms), or discard it to free
 * its quota.
 */
@Path("uploads")
@RequestScoped
@RolesAllowed({Roles.USER, Roles.ADMIN})
@Produces(MediaType.APPLICATION_JSON)
public class UploadResource {

    /** One unfinished upload; {@code stored} counts whole stored segments; {@code folderId} where it is going. */
    public record UnfinishedUpload(String uploadId, String name, long size, long stored, int percent,
                                   long lastModified, Instant startedAt, Instant expiresAt, String folderId) {

        static UnfinishedUpload of(OpenUpload open) {
            long stored = open.storedBytes();
            long size = open.upload().size();
            return new UnfinishedUpload(open.upload().id().toHexString(), open.upload().name(), size, stored,
                    size == 0 ? 0 : (int) (stored * 100 / size), open.upload().lastModified(),
                    open.upload().createdAt(), open.expiresAt(),
                    open.upload().folderId() == null ? null : open.upload().folderId().toHexString());
        }
    }

    @Inject
    UploadService uploads;

    @Inject
    ClientAddresses clientAddresses;

    @Context
    SecurityContext security;

    @Context
    HttpServletRequest request;

    @GET
    public List<UnfinishedUpload> list() {
        return uploads.unfinished(viewer()).stream().map(UnfinishedUpload::of).toList();
    }

    /** Discards the upload and what was stored of it; its bytes leave the account's usage. */
    @DELETE
    @Path("{id}")
    public Response discard(@PathParam("id") String id) {
        uploads.cancel(viewer(), FileService.parseId(id), clientAddresses.of(request));
        return Response.noContent().build();
    }

    private String viewer() {
        return security.getUserPrincipal().getName();
    }
}
