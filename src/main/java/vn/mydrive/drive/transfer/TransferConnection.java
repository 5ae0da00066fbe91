package vn.mydrive.drive.transfer;

import vn.mydrive.platform.json.JsonProviders;
import jakarta.json.JsonObjectBuilder;
import jakarta.websocket.Session;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.bson.types.ObjectId;
import vn.mydrive.drive.DriveExceptions.DriveException;
import vn.mydrive.drive.DriveExceptions.ServerBusyException;
import vn.mydrive.drive.StoredFile;
import vn.mydrive.platform.security.TokenPrincipal;

/**
 * One client's transfer socket: who it is, what it has in flight, and the way back to it. Lives as long as
 * the WebSocket session; nothing in it is needed to resume, which is all in the store.
 */
final class TransferConnection {

    /** Protocol errors tolerated before the connection is closed as abusive. */
    private static final int MAX_ERRORS = 100;

    private final Session session;
    private final TokenPrincipal caller;
    private final String rawToken;
    private final String address;
    private final Outbox outbox;
    private final Executor control;
    private final AtomicInteger segmentsInFlight = new AtomicInteger();
    private final AtomicInteger getsInFlight = new AtomicInteger();
    private final AtomicInteger errors = new AtomicInteger();
    private final Map<ObjectId, String> uploadRefs = new ConcurrentHashMap<>();
    private final Map<ObjectId, StoredFile> downloads = new ConcurrentHashMap<>();
    private volatile boolean saidGoodbye;
    private volatile long lastSignOfLife = System.nanoTime();
    private volatile long lastReport;

    TransferConnection(Session session, TokenPrincipal caller, String rawToken, String address, Executor control,
                       Executor sender) {
        this.session = session;
        this.caller = caller;
        this.rawToken = rawToken;
        this.address = address;
        this.outbox = new Outbox(session, sender);
        this.control = control;
    }

    String id() {
        return session.getId();
    }

    /** Notes a sign of life (a ping or any frame). */
    void alive() {
        lastSignOfLife = System.nanoTime();
    }

    /** Whether the client showed life within the last {@code nanos}. */
    boolean aliveWithin(long nanos) {
        return System.nanoTime() - lastSignOfLife < nanos;
    }

    /** True at most once per {@code interval}: whether a progress report is due. */
    synchronized boolean reportDue(long now, long interval) {
        if (now - lastReport < interval) {
            return false;
        }
        lastReport = now;
        return true;
    }

    String username() {
        return caller.getName();
    }

    String rawToken() {
        return rawToken;
    }

    String address() {
        return address;
    }

    Session session() {
        return session;
    }

    Outbox outbox() {
        return outbox;
    }

    void send(String text) {
        outbox.text(text);
    }

    /** Runs a control message's work after the connection's earlier control messages. */
    void control(String request, Runnable work) {
        try {
            control.execute(work);
        } catch (RejectedExecutionException e) {
            reject(request, JsonProviders.JSON.createObjectBuilder(), new ServerBusyException());
        }
    }

    /** Answers a request with an error, and closes the connection of a client that keeps erring. */
    void reject(String request, JsonObjectBuilder target, DriveException e) {
        send(Replies.error(request, target, e));
        if (!e.retryable() && errors.incrementAndGet() > MAX_ERRORS) {
            Connections.closeQuietly(session, CloseCodes.TOO_MANY_ERRORS, "too_many_errors");
        }
    }

    boolean beginSegment(int window) {
        return begin(segmentsInFlight, window);
    }

    void endSegment() {
        segmentsInFlight.decrementAndGet();
    }

    boolean beginGet(int window) {
        return begin(getsInFlight, window);
    }

    void endGet() {
        getsInFlight.decrementAndGet();
    }

    private static boolean begin(AtomicInteger counter, int limit) {
        if (counter.incrementAndGet() > limit) {
            counter.decrementAndGet();
            return false;
        }
        return true;
    }

    void rememberUpload(ObjectId uploadId, String ref) {
        if (ref != null) {
            uploadRefs.put(uploadId, ref);
        }
    }

    /** The client's label for an upload, forgotten once it is answered for good. */
    String forgetUpload(ObjectId uploadId) {
        return uploadRefs.remove(uploadId);
    }

    void openDownload(StoredFile file) {
        downloads.put(file.id(), file);
    }

    StoredFile openedDownload(ObjectId fileId) {
        return downloads.get(fileId);
    }

    int activeUploads() {
        return uploadRefs.size();
    }

    void sayGoodbye() {
        saidGoodbye = true;
    }

    boolean saidGoodbye() {
        return saidGoodbye;
    }
}
