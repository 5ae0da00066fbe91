package vn.mydrive.drive.transfer;

import jakarta.websocket.CloseReason;
import jakarta.websocket.CloseReason.CloseCode;

/**
 * The close codes and reasons the server ends a transfer connection with (docs/transfer-protocol.md). The reason
 * text is a stable code too; clients branch on code and reason, never on anything else.
 */
final class CloseReasons {

    /** No valid token, or the sign-in session ended; the reason says how ({@code signed_out}, ...). */
    static final CloseCode SESSION_ENDED = CloseReason.CloseCodes.getCloseCode(4401);
    /** The client sent no heartbeat for three heartbeat intervals. */
    static final CloseCode HEARTBEAT_TIMEOUT = CloseReason.CloseCodes.getCloseCode(4408);
    /** The account has as many connections as it may have. */
    static final CloseCode TOO_MANY_CONNECTIONS = CloseReason.CloseCodes.getCloseCode(4429);

    private CloseReasons() {
    }

    static CloseReason goodbye() {
        return new CloseReason(CloseReason.CloseCodes.NORMAL_CLOSURE, "bye");
    }

    static CloseReason sessionEnded(String reason) {
        return new CloseReason(SESSION_ENDED, reason);
    }

    static CloseReason heartbeatTimeout() {
        return new CloseReason(HEARTBEAT_TIMEOUT, "heartbeat_timeout");
    }

    static CloseReason tooManyConnections() {
        return new CloseReason(TOO_MANY_CONNECTIONS, "too_many_connections");
    }

    static CloseReason tooManyErrors() {
        return new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, "too_many_errors");
    }

    static CloseReason notReading() {
        return new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, "not_reading");
    }

    static CloseReason frameTooLarge() {
        return new CloseReason(CloseReason.CloseCodes.TOO_BIG, "frame_too_large");
    }

    static CloseReason messageTooLarge() {
        return new CloseReason(CloseReason.CloseCodes.TOO_BIG, "message_too_large");
    }
}
