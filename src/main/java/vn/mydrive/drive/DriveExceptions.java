package vn.mydrive.drive;

import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.core.Response.StatusType;
import vn.mydrive.platform.web.ApiException;

/**
 * Everything that can go wrong with a file or a transfer, each its own type with a stable code. The REST API
 * answers them with their status; the transfer socket sends their code, and {@link #retryable} tells the
 * client whether trying the same thing again can succeed.
 */
public final class DriveExceptions {

    private DriveExceptions() {
    }

    /** Base of the drive's errors. */
    public abstract static class DriveException extends ApiException {
        private final boolean retryable;

        protected DriveException(StatusType status, String code, String message, boolean retryable) {
            super(status, code, message);
            this.retryable = retryable;
        }

        public boolean retryable() {
            return retryable;
        }

        /** Whether the upload this error answers is over (the client must start again), rather than one segment refused. */
        public boolean endsUpload() {
            return !retryable && !(this instanceof InvalidSegmentException);
        }
    }

    /** No such file or upload, or one the caller may not see (the two are not told apart). */
    public static final class FileNotFoundException extends DriveException {
        public FileNotFoundException() {
            super(Status.NOT_FOUND, "not_found", "There is no such file.", false);
        }
    }

    public static final class NotOwnerException extends DriveException {
        public NotOwnerException() {
            super(Status.FORBIDDEN, "not_owner", "Only the file's owner can do this.", false);
        }
    }

    public static final class InvalidFileNameException extends DriveException {
        public InvalidFileNameException(String message) {
            super(Status.BAD_REQUEST, "invalid_name", message, false);
        }
    }

    public static final class InvalidUploadException extends DriveException {
        public InvalidUploadException(String message) {
            super(Status.BAD_REQUEST, "invalid_upload", message, false);
        }
    }

    public static final class FileTooLargeException extends DriveException {
        public FileTooLargeException(long limit) {
            super(Status.REQUEST_ENTITY_TOO_LARGE, "file_too_large",
                    "The file is larger than the " + limit + "-byte limit.", false);
        }
    }

    public static final class QuotaExceededException extends DriveException {
        public QuotaExceededException(long quota) {
            super(Status.REQUEST_ENTITY_TOO_LARGE, "quota_exceeded",
                    "This upload would take your files past your " + quota + "-byte quota.", false);
        }
    }

    public static final class TooManyUploadsException extends DriveException {
        public TooManyUploadsException(int limit) {
            super(Status.TOO_MANY_REQUESTS, "too_many_uploads",
                    "You already have " + limit + " unfinished uploads; finish or cancel one first.", false);
        }
    }

    /** A segment whose index or length does not fit its upload. */
    public static final class InvalidSegmentException extends DriveException {
        public InvalidSegmentException(String message) {
            super(Status.BAD_REQUEST, "bad_segment", message, false);
        }
    }

    /** A segment whose bytes do not match the checksum sent with them: damaged on the way, send it again. */
    public static final class SegmentChecksumException extends DriveException {
        public SegmentChecksumException() {
            super(Status.BAD_REQUEST, "segment_checksum", "The segment arrived damaged; send it again.", true);
        }
    }

    /** The first segment is not the one the upload was started (and would be resumed) for. */
    public static final class FingerprintMismatchException extends DriveException {
        public FingerprintMismatchException() {
            super(Status.CONFLICT, "fingerprint_mismatch",
                    "The file's first bytes are not those the upload was started with.", false);
        }
    }

    /** The whole file's SHA-256 is not the one the client declared; nothing was kept. */
    public static final class FileChecksumException extends DriveException {
        public FileChecksumException() {
            super(Status.CONFLICT, "checksum_mismatch",
                    "The received file's SHA-256 differs from the declared one; nothing was kept.", false);
        }
    }

    public static final class ServerBusyException extends DriveException {
        public ServerBusyException() {
            super(Status.SERVICE_UNAVAILABLE, "server_busy", "The server is busy; send this again shortly.", true);
        }
    }
}
