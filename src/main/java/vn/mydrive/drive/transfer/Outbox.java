package vn.mydrive.drive.transfer;

import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.concurrent.Executor;
import vn.mydrive.platform.concurrent.SerialQueue;

/**
 * Sends one connection's messages in order, one at a time, from a managed executor thread: never from the
 * container's I/O threads, and never two sends at once on one session (which WebSocket forbids). Blocking
 * sends are used because the asynchronous ones were seen to stall for good on Payara (Tyrus/Grizzly) after
 * heavy traffic, with no completion callback. Closing goes through the same queue, after the send under way
 * and instead of everything still waiting, so nothing is sent once a connection is told to close (a session
 * that ended is served nothing more). A client that stops reading cannot make the queue grow without end: past
 * the limit the connection is closed.
 */
final class Outbox {

    /** Something to send, and what to do once it is sent (or never will be). */
    private record Message(Object payload, Runnable whenDone) {
    }

    private static final int MAX_QUEUED = 4096;

    private final Session session;
    private final SerialQueue<Message> queue;

    Outbox(Session session, Executor sender) {
        this.session = session;
        this.queue = new SerialQueue<>(sender, this::send, Outbox::done, MAX_QUEUED);
    }

    void text(String text) {
        offer(new Message(text, null));
    }

    /** Sends a binary frame; {@code whenDone} runs once it left (or never will). */
    void binary(ByteBuffer frame, Runnable whenDone) {
        offer(new Message(frame, whenDone));
    }

    /** Closes the connection once the send under way is done; whatever still waits is dropped. */
    void close(CloseReason reason) {
        queue.stop(() -> {
            try {
                if (session.isOpen()) {
                    session.close(reason);
                }
            } catch (IOException | IllegalStateException e) {
                // Already closing: nothing left to tell the client.
            }
        });
    }

    private void offer(Message message) {
        if (queue.offer(message) == SerialQueue.Offer.FULL) {
            close(CloseReasons.notReading());
        }
    }

    private void send(Message message) {
        try {
            if (!session.isOpen()) {
                throw new IOException("closed");
            }
            if (message.payload() instanceof String text) {
                session.getBasicRemote().sendText(text);
            } else {
                session.getBasicRemote().sendBinary((ByteBuffer) message.payload());
            }
        } catch (IOException | RuntimeException e) {
            // The connection broke: nothing else can be sent on it.
            queue.stop(() -> { });
        } finally {
            done(message);
        }
    }

    private static void done(Message message) {
        if (message.whenDone() != null) {
            message.whenDone().run();
        }
    }
}
