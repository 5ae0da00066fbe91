package vn.mydrive.drive.transfer;

import jakarta.websocket.SendResult;
import jakarta.websocket.Session;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.Queue;

/**
 * Sends one connection's messages one at a time, in order, without blocking the caller: a WebSocket endpoint
 * may not start a send while another is under way. A client that stops reading cannot make the queue grow
 * without end: past the limit the connection is closed.
 */
final class Outbox {

    /** Something to send, and what to do once it is sent (or failed). */
    private record Message(Object payload, Runnable whenDone) {
    }

    private static final int MAX_QUEUED = 4096;

    private final Session session;
    private final Queue<Message> queue = new ArrayDeque<>();
    private boolean sending;

    Outbox(Session session) {
        this.session = session;
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
            if (sending) {
                return;
            }
            sending = true;
        }
        sendNext();
    }

    private void sendNext() {
        Message next;
        synchronized (this) {
            next = queue.poll();
            if (next == null) {
                sending = false;
                return;
            }
        }
        if (!session.isOpen()) {
            done(next);
            drop();
            return;
        }
        Message sent = next;
        try {
            if (sent.payload() instanceof String text) {
                session.getAsyncRemote().sendText(text, result -> afterSend(sent, result));
            } else {
                session.getAsyncRemote().sendBinary((ByteBuffer) sent.payload(), result -> afterSend(sent, result));
            }
        } catch (RuntimeException e) {
            done(sent);
            drop();
        }
    }

    private void afterSend(Message sent, SendResult result) {
        done(sent);
        if (result.isOK()) {
            sendNext();
        } else {
            drop();
        }
    }

    /** The connection is gone: release everything still queued. */
    private void drop() {
        Queue<Message> rest;
        synchronized (this) {
            rest = new ArrayDeque<>(queue);
            queue.clear();
            sending = false;
        }
        rest.forEach(Outbox::done);
    }

    private static void done(Message message) {
        if (message.whenDone() != null) {
            message.whenDone().run();
        }
    }
}
