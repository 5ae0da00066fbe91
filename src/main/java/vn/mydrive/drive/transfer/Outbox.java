package vn.mydrive.drive.transfer;

import jakarta.websocket.Session;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * Sends one connection's messages in order, one at a time, from a managed executor thread: never from the
 * container's I/O threads, and never two sends at once on one session (which WebSocket forbids). Blocking
 * sends are used because the asynchronous ones were seen to stall for good on Payara (Tyrus/Grizzly) after
 * heavy traffic, with no completion callback. A client that stops reading cannot make the queue grow
 * without end: past the limit the connection is closed.
 */
final class Outbox {

    /** Something to send, and what to do once it is sent (or failed). */
    private record Message(Object payload, Runnable whenDone) {
    }

    private static final int MAX_QUEUED = 4096;

    private final Session session;
    private final Executor sender;
    private final Queue<Message> queue = new ArrayDeque<>();
    private boolean draining;

    Outbox(Session session, Executor sender) {
        this.session = session;
        this.sender = sender;
    }

    void text(String text) {
        enqueue(new Message(text, null));
    }

    /** Sends a binary frame; {@code whenDone} runs once it left (or could not). */
    void binary(ByteBuffer frame, Runnable whenDone) {
        enqueue(new Message(frame, whenDone));
    }

    private void enqueue(Message message) {
        synchronized (this) {
            if (queue.size() >= MAX_QUEUED) {
                Connections.closeQuietly(session, CloseCodes.TOO_SLOW, "not reading");
                done(message);
                return;
            }
            queue.add(message);
            if (draining) {
                return;
            }
            draining = true;
        }
        try {
            sender.execute(this::drain);
        } catch (RejectedExecutionException e) {
            drop();
        }
    }

    private void drain() {
        while (true) {
            Message next;
            synchronized (this) {
                next = queue.poll();
                if (next == null) {
                    draining = false;
                    return;
                }
            }
            try {
                if (!session.isOpen()) {
                    throw new IOException("closed");
                }
                if (next.payload() instanceof String text) {
                    session.getBasicRemote().sendText(text);
                } else {
                    session.getBasicRemote().sendBinary((ByteBuffer) next.payload());
                }
            } catch (IOException | RuntimeException e) {
                done(next);
                drop();
                return;
            }
            done(next);
        }
    }

    /** The connection is gone: release everything still queued. */
    private void drop() {
        Queue<Message> rest;
        synchronized (this) {
            rest = new ArrayDeque<>(queue);
            queue.clear();
            draining = false;
        }
        rest.forEach(Outbox::done);
    }

    private static void done(Message message) {
        if (message.whenDone() != null) {
            message.whenDone().run();
        }
    }
}
