package vn.mydrive.drive;

import vn.mydrive.platform.web.ApiException;

/**
 * Everything that can go wrong with a file or a transfer, each its own type carrying its {@link DriveError}: the
 * REST API answers with the error's status, the transfer socket sends its code and what the client may do.
 */
public final class DriveExceptions {

    private DriveExceptions() {
    }

    /** Base of the drive's errors. */
    public abstract static class DriveException extends ApiException {
        private final DriveError error;

        protected DriveException(DriveError error, String message) {
            super(error.status(), error.code(), message);
            this.error = error;
        }

        public DriveError error() {
            return error;
        }
    }

    /** No such file or upload, or one the caller may not see (the two are not told apart). */
    public static final class FileNotFoundException extends DriveException {
        public FileNotFoundException() {
            super(DriveError.NOT_FOUND, "There is no such file.");
        }
    }

    public static final class NotOwnerException extends DriveException {
        public NotOwnerException() {
            super(DriveError.NOT_OWNER, "Only the file's owner can do this.");
        }
    }

    /** The folder is shared with the caller to look at, not to add files to. */
    public static final class ReadOnlyFolderException extends DriveException {
        public ReadOnlyFolderException() {
            super(DriveError.READ_ONLY_FOLDER, "This folder is shared with you to view; you cannot add files to it.");
        }
    }

    public static final class NoSuchPersonException extends DriveException {
        public NoSuchPersonException() {
            super(DriveError.NO_SUCH_PERSON, "No account has that name.");
        }
    }

    public static final class TooManyPeopleException extends DriveException {
        public TooManyPeopleException(int most) {
            super(DriveError.TOO_MANY_PEOPLE, "A file or folder can be shared with at most " + most + " people by name.");
        }
    }

    public static final class InvalidLinkException extends DriveException {
        public InvalidLinkException(String message) {
            super(DriveError.INVALID_LINK, message);
        }
    }

    public static final class LinkExpiredException extends DriveException {
        public LinkExpiredException() {
            super(DriveError.LINK_EXPIRED, "This link has expired; ask its owner for a new one.");
        }
    }

    /** The link has a password, and none or a wrong one came with the request. */
    public static final class LinkPasswordException extends DriveException {
        public LinkPasswordException(boolean given) {
            super(DriveError.LINK_PASSWORD, given ? "That is not the link's password." : "This link needs a password.");
        }
    }

    /** Too many requests, or wrong passwords, for a link from one address. */
    public static final class LinkThrottledException extends DriveException {
        private final long retryAfterSeconds;

        public LinkThrottledException(long retryAfterSeconds) {
            super(DriveError.LINK_THROTTLED, "Too many tries for this link; wait " + retryAfterSeconds + " s.");
            this.retryAfterSeconds = retryAfterSeconds;
        }

        @Override
        public jakarta.ws.rs.core.Response.ResponseBuilder decorate(jakarta.ws.rs.core.Response.ResponseBuilder response) {
            return response.header("Retry-After", retryAfterSeconds);
        }
    }

    public static final class NoPreviewException extends DriveException {
        public NoPreviewException(String message) {
            super(DriveError.NO_PREVIEW, message);
        }
    }

    public static final class FolderExistsException extends DriveException {
        public FolderExistsException() {
            super(DriveError.FOLDER_EXISTS, "This folder already holds a folder of that name.");
        }
    }

    public static final class FolderCycleException extends DriveException {
        public FolderCycleException() {
            super(DriveError.FOLDER_CYCLE, "A folder cannot go into itself or into a folder inside it.");
        }
    }

    public static final class FoldersBusyException extends DriveException {
        public FoldersBusyException() {
            super(DriveError.FOLDERS_BUSY, "Another move of your folders is under way; try again.");
        }
    }

    public static final class InvalidFileNameException extends DriveException {
        public InvalidFileNameException(String message) {
            super(DriveError.INVALID_NAME, message);
        }
    }

    public static final class InvalidUploadException extends DriveException {
        public InvalidUploadException(String message) {
            super(DriveError.INVALID_UPLOAD, message);
        }
    }

    public static final class FileTooLargeException extends DriveException {
        public FileTooLargeException(long limit) {
            super(DriveError.FILE_TOO_LARGE, "The file is larger than the " + limit + "-byte limit.");
        }
    }

    public static final class QuotaExceededException extends DriveException {
        public QuotaExceededException(long quota) {
            super(DriveError.QUOTA_EXCEEDED, "This upload would take your files past your " + quota + "-byte quota.");
        }
    }

    public static final class TooManyUploadsException extends DriveException {
        public TooManyUploadsException(int limit) {
            super(DriveError.TOO_MANY_UPLOADS,
                    "You already have " + limit + " unfinished uploads; finish or cancel one first.");
        }
    }

    /** A segment whose index or length does not fit its upload. */
    public static final class InvalidSegmentException extends DriveException {
        public InvalidSegmentException(String message) {
            super(DriveError.BAD_SEGMENT, message);
        }
    }

    /** A segment whose bytes do not match the checksum sent with them: damaged on the way, send it again. */
    public static final class SegmentChecksumException extends DriveException {
        public SegmentChecksumException() {
            super(DriveError.SEGMENT_CHECKSUM, "The segment arrived damaged; send it again.");
        }
    }

    /** The first segment is not the one the upload was started (and would be resumed) for. */
    public static final class FingerprintMismatchException extends DriveException {
        public FingerprintMismatchException() {
            super(DriveError.FINGERPRINT_MISMATCH,
                    "The file's first bytes are not those the upload was started with.");
        }
    }

    /** The whole file's SHA-256 is not the one the client declared; nothing was kept. */
    public static final class FileChecksumException extends DriveException {
        public FileChecksumException() {
            super(DriveError.CHECKSUM_MISMATCH,
                    "The received file's SHA-256 differs from the declared one; nothing was kept.");
        }
    }

    public static final class ServerBusyException extends DriveException {
        public ServerBusyException() {
            super(DriveError.SERVER_BUSY, "The server is busy; send this again shortly.");
        }
    }
}
