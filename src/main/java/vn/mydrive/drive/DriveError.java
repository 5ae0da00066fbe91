package vn.mydrive.drive;

import jakarta.ws.rs.core.Response.Status;
import java.util.Locale;

/**
 * Every error the drive reports, defined once: its stable code, the HTTP status the REST API answers with, and
 * what a client should do about it. The transfer socket sends the same code with {@code retry} and, for
 * back-pressure, {@code backoff}; the pages show the text {@code error.<code>} of the message bundles
 * (DriveErrorTest checks that every code has its texts and its row in docs/transfer-protocol.md).
 */
public enum DriveError {

    NOT_FOUND(Status.NOT_FOUND, Retry.NO),
    NOT_OWNER(Status.FORBIDDEN, Retry.NO),
    /** The file is there, but the browser shows nothing of its type (or it has no thumbnail): download it. */
    NO_PREVIEW(Status.NOT_FOUND, Retry.NO),
    /** The folder already holds a folder of that name (ignoring case). */
    FOLDER_EXISTS(Status.CONFLICT, Retry.NO),
    /** A folder cannot go into itself or into a folder inside it. */
    FOLDER_CYCLE(Status.CONFLICT, Retry.NO),
    /** Another move of the same person's folders is under way; send it again. */
    FOLDERS_BUSY(Status.SERVICE_UNAVAILABLE, Retry.YES),
    /** The folder is shared with the caller to view only: nothing can be added to it. */
    READ_ONLY_FOLDER(Status.FORBIDDEN, Retry.NO),
    /** No account has the name a file was to be shared with. */
    NO_SUCH_PERSON(Status.NOT_FOUND, Retry.NO),
    /** The file is already shared with as many people by name as a file may be. */
    TOO_MANY_PEOPLE(Status.CONFLICT, Retry.NO),
    /** A public link's expiry or password that cannot be used (in the past, too long), or too many links. */
    INVALID_LINK(Status.BAD_REQUEST, Retry.NO),
    /** The public link has expired. */
    LINK_EXPIRED(Status.GONE, Retry.NO),
    /** The public link needs its password, and none or a wrong one came. */
    LINK_PASSWORD(Status.UNAUTHORIZED, Retry.NO),
    /** Too many requests or wrong passwords for this link from this address: wait (Retry-After) and try again. */
    LINK_THROTTLED(Status.TOO_MANY_REQUESTS, Retry.AFTER_BACKOFF),
    INVALID_NAME(Status.BAD_REQUEST, Retry.NO),
    INVALID_UPLOAD(Status.BAD_REQUEST, Retry.NO),
    FILE_TOO_LARGE(Status.REQUEST_ENTITY_TOO_LARGE, Retry.NO),
    QUOTA_EXCEEDED(Status.REQUEST_ENTITY_TOO_LARGE, Retry.NO),
    TOO_MANY_UPLOADS(Status.TOO_MANY_REQUESTS, Retry.NO),
    /** One segment refused (index or length wrong); the upload itself goes on. */
    BAD_SEGMENT(Status.BAD_REQUEST, Retry.NO_BUT_UPLOAD_KEPT),
    SEGMENT_CHECKSUM(Status.BAD_REQUEST, Retry.YES),
    FINGERPRINT_MISMATCH(Status.CONFLICT, Retry.NO),
    CHECKSUM_MISMATCH(Status.CONFLICT, Retry.NO),
    SERVER_BUSY(Status.SERVICE_UNAVAILABLE, Retry.AFTER_BACKOFF),
    STORE_UNAVAILABLE(Status.SERVICE_UNAVAILABLE, Retry.YES),
    WINDOW_EXCEEDED(Status.TOO_MANY_REQUESTS, Retry.AFTER_BACKOFF),
    MALFORMED_MESSAGE(Status.BAD_REQUEST, Retry.NO),
    UNKNOWN_TYPE(Status.BAD_REQUEST, Retry.NO),
    BAD_FRAME(Status.BAD_REQUEST, Retry.NO);

    /** What a client may do after the error. */
    private enum Retry {
        /** Nothing: the request, or the whole upload it belongs to, has failed. */
        NO,
        /** This request failed, but the upload it belongs to is kept. */
        NO_BUT_UPLOAD_KEPT,
        /** Send the same request again (it counts as an attempt). */
        YES,
        /** Back-pressure: send it again after a backoff, with fewer requests in flight, without counting an attempt. */
        AFTER_BACKOFF
    }

    private final Status status;
    private final Retry retry;

    DriveError(Status status, Retry retry) {
        this.status = status;
        this.retry = retry;
    }

    /** The stable code clients branch on, e.g. {@code server_busy}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public Status status() {
        return status;
    }

    /** Whether sending the same request again can succeed. */
    public boolean retryable() {
        return retry == Retry.YES || retry == Retry.AFTER_BACKOFF;
    }

    /** Whether the error is back-pressure: resend after a backoff, with fewer requests in flight. */
    public boolean backoff() {
        return retry == Retry.AFTER_BACKOFF;
    }

    /** Whether the upload this error answers is over (the client must start again), rather than one request refused. */
    public boolean endsUpload() {
        return retry == Retry.NO;
    }
}
