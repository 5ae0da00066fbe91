package vn.mydrive.drive.transfer;

import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;
import java.io.IOException;

/** Small helpers for ending connections. */
final class Connections {

    private Connections() {
    }

    static void closeQuietly(Session session, CloseReason.CloseCode code, String reason) {
        try {
            if (session.isOpen()) {
                session.close(new CloseReason(code, reason));
            }
        } catch (IOException | IllegalStateException e) {
            // Already closing: nothing left to tell the client.
        }
    }
}
