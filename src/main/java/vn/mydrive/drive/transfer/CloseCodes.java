package vn.mydrive.drive.transfer;

import jakarta.websocket.CloseReason;

/** The close codes the server uses (docs/transfer-protocol.md). The reason text is a stable code too. */
final class CloseCodes {

    /** No valid token, or the session it belongs to ended (signed out, taken over, idle). */
    static final CloseReason.CloseCode SESSION_ENDED = CloseReason.CloseCodes.getCloseCode(4401);
    /** The client kept sending what the protocol forbids. */
    static final CloseReason.CloseCode TOO_MANY_ERRORS = CloseReason.CloseCodes.VIOLATED_POLICY;
    /** The client stopped reading what the server sends. */
    static final CloseReason.CloseCode TOO_SLOW = CloseReason.CloseCodes.VIOLATED_POLICY;
    /** Clean end, after the client said goodbye. */
    static final CloseReason.CloseCode GOODBYE = CloseReason.CloseCodes.NORMAL_CLOSURE;

    private CloseCodes() {
    }
}
