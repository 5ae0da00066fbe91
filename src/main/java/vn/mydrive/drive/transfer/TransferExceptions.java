package vn.mydrive.drive.transfer;

import jakarta.ws.rs.core.Response.Status;
import vn.mydrive.drive.DriveExceptions.DriveException;

/** Errors of the transfer protocol itself (as opposed to the drive's rules), each with its stable code. */
final class TransferExceptions {

    private TransferExceptions() {
    }

    /** A text frame that is not a JSON object of the documented shape. */
    static final class MalformedMessageException extends DriveException {
        MalformedMessageException(String message) {
            super(Status.BAD_REQUEST, "malformed_message", message, false);
        }
    }

    static final class UnknownTypeException extends DriveException {
        UnknownTypeException(String type) {
            super(Status.BAD_REQUEST, "unknown_type", "Unknown message type: " + Replies.clip(type), false);
        }
    }

    /** A binary frame whose header does not follow the protocol. */
    static final class BadFrameException extends DriveException {
        BadFrameException(String message) {
            super(Status.BAD_REQUEST, "bad_frame", message, false);
        }
    }

    /** The store failed to answer; the same request may well succeed in a moment. */
    static final class StoreUnavailableException extends DriveException {
        StoreUnavailableException() {
            super(Status.SERVICE_UNAVAILABLE, "store_unavailable", "The store did not answer; try again.", true);
        }
    }

    /** More segments in flight than the window the server announced. */
    static final class WindowExceededException extends DriveException {
        WindowExceededException(int window) {
            super(Status.TOO_MANY_REQUESTS, "window_exceeded",
                    "At most " + window + " segments may be in flight; wait for answers.", true);
        }
    }
}
