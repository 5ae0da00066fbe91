package vn.mydrive.drive.web;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import vn.mydrive.drive.BucketCheck;
import vn.mydrive.drive.OwnerFiles;
import vn.mydrive.platform.security.Roles;
import vn.mydrive.platform.web.ClientAddresses;
import vn.mydrive.platform.web.InvalidRequestException;

/**
 * For admins: files other GridFS clients wrote into the bucket — how many are not yet checked, unreadable, owned by
 * nobody; running the check or the adoption; and giving an unclaimed owner's files to an account
 * (docs/configuration.md, "A bucket shared with other tools"). The activity log names the admin who asked.
 */
@Path("admin/bucket")
@RequestScoped
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class AdminBucketResource {

    /** Longest a request may wait for its run to finish. */
    static final int MOST_WAIT_SECONDS = 600;

    @Inject
    BucketCheck bucket;

    @Inject
    ClientAddresses clientAddresses;

    @Context
    SecurityContext security;

    @Context
    HttpServletRequest request;

    /** The bucket as the check sees it, the run under way on this node and the last one it finished. */
    public record BucketState(long unchecked, long unreadable, long unowned, List<OwnerFiles> unclaimed,
                              BucketCheck.Progress running, BucketCheck.Report lastRun) {
    }

    /** Body of POST unclaimed/assign: whose files (null: those with no owner at all) go to which account. */
    public record Assignment(String owner, String account) {
    }

    public record Assigned(String owner, String account, long assigned) {
    }

    @GET
    public BucketState state() {
        return new BucketState(bucket.uncheckedCount(), bucket.unreadableCount(), bucket.unownedCount(),
                bucket.unclaimed(), bucket.progress(), bucket.lastReport());
    }

    /** Reads through the files not yet checked; see {@link #run}. */
    @POST
    @Path("check")
    public Response check(@QueryParam("wait") String wait) {
        return run(BucketCheck.Kind.CHECK, wait);
    }

    /** Checks, then adopts the files whose top-level owner names an account; see {@link #run}. */
    @POST
    @Path("adoption")
    public Response adopt(@QueryParam("wait") String wait) {
        return run(BucketCheck.Kind.ADOPT, wait);
    }

    /**
     * Starts a run (after the one under way on this node) and waits up to {@code wait} seconds (0 to 600, default 0)
     * for it: 200 with its report if it finished by then, else 202 with where it is.
     */
    private Response run(BucketCheck.Kind kind, String wait) {
        int seconds = seconds(wait);
        CompletableFuture<BucketCheck.Report> run = bucket.start(kind, asker());
        try {
            return Response.ok(run.get(seconds, TimeUnit.SECONDS)).build();
        } catch (TimeoutException e) {
            return Response.accepted(state()).build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Response.accepted(state()).build();
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    private static int seconds(String wait) {
        if (wait == null || wait.isEmpty()) {
            return 0;
        }
        try {
            int seconds = Integer.parseInt(wait);
            if (seconds >= 0 && seconds <= MOST_WAIT_SECONDS) {
                return seconds;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new InvalidRequestException("invalid_query", "wait is a number of seconds from 0 to "
                + MOST_WAIT_SECONDS + ".");
    }

    /**
     * Gives every file nobody owns whose top-level {@code owner} is {@code owner} (left out or null: the files with
     * no owner) to {@code account}: 200 with how many; 404 {@code no_such_person} if no account has that name.
     */
    @POST
    @Path("unclaimed/assign")
    @Consumes(MediaType.APPLICATION_JSON)
    public Assigned assign(Assignment assignment) {
        if (assignment == null || assignment.account() == null || assignment.account().isBlank()) {
            throw new InvalidRequestException("invalid_assignment",
                    "Send the account to give the files to, and the owner whose files they are (null: no owner).");
        }
        return new Assigned(assignment.owner(), assignment.account().strip(),
                bucket.assign(assignment.owner(), assignment.account(), asker()));
    }

    private BucketCheck.Asker asker() {
        return new BucketCheck.Asker(security.getUserPrincipal().getName(), clientAddresses.of(request));
    }
}
