package vn.mydrive.drive.transfer;

import jakarta.json.JsonObjectBuilder;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.bson.types.ObjectId;
import vn.mydrive.drive.DriveExceptions.DriveException;
import vn.mydrive.drive.DriveExceptions.ServerBusyException;
import vn.mydrive.platform.concurrent.SerialQueue;
import vn.mydrive.platform.events.Departure;
import vn.mydrive.platform.json.JsonProviders;
import vn.mydrive.platform.security.SessionTokens;
import vn.mydrive.platform.security.TokenPrincipal;
import vn.mydrive.platform.security.TokenRejectedException;

/**
 * One client's transfer socket: who it is, what it has in flight, and the way back to it. Lives as long as
 * the WebSocket session; nothing in it is needed to resume, which is all in the store. Every request is served
 * only after checking, in the store, that the sign-in session it came under still lives: a session that ended
 * on another node is served nothing more, not even before this node notices.
 */
final class TransferConnection {

    /** Protocol errors tolerated before the connection is closed as abusive. */
    private static final int MAX_ERRORS = 100;
    /** Control messages that may wait for their turn; a client flooding more gets {@code server_busy}. */
    private static final int MAX_WAITING_CONTROL = 256;

    private final Session session;
    private final TokenPrincipal caller;
    private final String rawToken;
    private final String address;
    private final String tab;
    private final SessionTokens sessionTokens;
    private final Outbox outbox;
    private final SerialQueue<Runnable> control;
    private final MessageAssembler assembler;
    private final AtomicInteger segmentsInFlight = new AtomicInteger();
    private final AtomicInteger getsInFlight = new AtomicInteger();
    private final AtomicInteger errors = new AtomicInteger();
    private final Map<ObjectId, String> uploadRefs = new ConcurrentHashMap<>();
    private final AtomicReference<Departure> closedBecause = new AtomicReference<>();
    private volatile boolean saidGoodbye;
    private volatile boolean announced;
    private volatile long lastSignOfLife = System.nanoTime();
    private volatile long lastReport;

    TransferConnection(Session session, TokenPrincipal caller, String rawToken, String address, String tab,
                       SessionTokens sessionTokens, Executor executor, MessageAssembler assembler) {
        this.session = session;
        this.caller = caller;
        this.rawToken = rawToken;
        this.address = address;
        this.tab = tab;
        this.sessionTokens = sessionTokens;
        this.outbox = new Outbox(session, executor);
        this.control = new SerialQueue<>(executor, Runnable::run, task -> { }, MAX_WAITING_CONTROL);
        this.assembler = assembler;
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

    String tokenId() {
        return caller.getTokenID();
    }

    String rawToken() {
        return rawToken;
    }

    String address() {
        return address;
    }

    /** The browser tab the connection comes from, as the page named it, or null for other clients. */
    String tab() {
        return tab;
    }

    MessageAssembler assembler() {
        return assembler;
    }

    Outbox outbox() {
        return outbox;
    }

    void send(String text) {
        outbox.text(text);
    }

    /**
     * Runs a control message's work after the connection's earlier control messages, if the sign-in session
     * still lives when its turn comes.
     */
    void control(String request, Runnable work) {
        SerialQueue.Offer offer = control.offer(() -> {
            if (sessionLives()) {
                work.run();
            }
        });
        if (offer == SerialQueue.Offer.FULL) {
            reject(request, JsonProviders.JSON.createObjectBuilder(), new ServerBusyException());
        }
    }

    /** Runs work in this connection's control order regardless of the session (opening and closing reports). */
    void inOrder(Runnable work) {
        control.offer(work);
    }

    /**
     * Whether the sign-in session this connection was opened under still lives, read from the store now. When it
     * has ended, the connection is closed (4401, with how it ended) and the caller serves nothing.
     */
    boolean sessionLives() {
        try {
            sessionTokens.check(rawToken);
            return true;
        } catch (TokenRejectedException e) {
            endedSession(e.specificCode());
            return false;
        }
    }

    /** The sign-in session ended (how: {@code reasonCode}); closes with 4401. */
    void endedSession(String reasonCode) {
        close(CloseReasons.sessionEnded(reasonCode), Departure.ofSessionEnd(reasonCode));
    }

    /** Closes the connection for {@code departure} (the first reason given is the one reported). */
    void close(CloseReason reason, Departure departure) {
        closedBecause.compareAndSet(null, departure);
        outbox.close(reason);
    }

    /** Why the server closed the connection, or null when the client did. */
    Departure closedBecause() {
        return closedBecause.get();
    }

    /** Answers a request with an error, and closes the connection of a client that keeps erring. */
    void reject(String request, JsonObjectBuilder target, DriveException e) {
        send(Replies.error(request, target, e));
        if (!e.error().retryable() && errors.incrementAndGet() > MAX_ERRORS) {
            close(CloseReasons.tooManyErrors(), Departure.REFUSED);
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

    /**
     * Its connection was reported (after the session check at open) and is about to be welcomed; only then is its
     * end reported. The client's heartbeats start with the welcome, which tells it their interval, so its silence
     * is counted from here: a server slow to welcome must not take that time out of the client's allowance.
     */
    void announced() {
        lastSignOfLife = System.nanoTime();
        announced = true;
    }

    boolean wasAnnounced() {
        return announced;
    }

    void sayGoodbye() {
        saidGoodbye = true;
    }

    boolean saidGoodbye() {
        return saidGoodbye;
    }
}
