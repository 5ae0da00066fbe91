package vn.mydrive.drive.transfer;

import vn.mydrive.drive.DriveError;
import vn.mydrive.drive.DriveExceptions.DriveException;

/** Errors of the transfer protocol itself (as opposed to the drive's rules), each with its stable code. */
final class TransferExceptions {

    private TransferExceptions() {
    }

    /** A text frame that is not a JSON object of the documented shape. */
    static final class MalformedMessageException extends DriveException {
        MalformedMessageException(String message) {
            super(DriveError.MALFORMED_MESSAGE, message);
        }
    }

    static final class UnknownTypeException extends DriveException {
        UnknownTypeException(String type) {
            super(DriveError.UNKNOWN_TYPE, "Unknown message type: " + Replies.clip(type));
        }
    }

    /** A binary frame whose header does not follow the protocol. */
    static final class BadFrameException extends DriveException {
        BadFrameException(String message) {
            super(DriveError.BAD_FRAME, message);
        }
    }

    /** The store failed to answer; the same request may well succeed in a moment. */
    static final class StoreUnavailableException extends DriveException {
        StoreUnavailableException() {
            super(DriveError.STORE_UNAVAILABLE, "The store did not answer; try again.");
        }
    }

    /** More segments in flight than the window the server announced. */
    static final class WindowExceededException extends DriveException {
        WindowExceededException(int window) {
            super(DriveError.WINDOW_EXCEEDED,
                    "At most " + window + " segments may be in flight; wait for answers.");
        }
    }
}
