package vn.mydrive.drive.transfer;

import jakarta.inject.Inject;
import jakarta.websocket.CloseReason;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.mydrive.drive.DriveExceptions.DriveException;
import vn.mydrive.drive.DriveSettings;
import vn.mydrive.drive.protocol.SegmentFrame;
import vn.mydrive.drive.transfer.TransferExceptions.UnknownTypeException;
import vn.mydrive.platform.events.Departure;
import vn.mydrive.platform.json.JsonProviders;
import vn.mydrive.platform.security.SessionTokens;
import vn.mydrive.platform.security.TokenPrincipal;
import vn.mydrive.platform.security.TokenRejectedException;
import vn.mydrive.platform.security.TokenVerifier;

/**
 * The transfer socket, {@code /ws/transfer}: one per client, carrying JSON control messages and binary
 * segment frames (docs/transfer-protocol.md). This class only receives: on the container's I/O thread it puts
 * messages together, parses them and checks their shape, and hands every piece of work that touches the store
 * (the session check included) to the managed executor.
 */
@ServerEndpoint(value = "/ws/transfer", configurator = TransferHandshake.class)
public class TransferEndpoint {

    private static final Logger LOG = Logger.getLogger(TransferEndpoint.class.getName());
    private static final String CONNECTION = "vn.mydrive.transfer.connection";
    /** The shortest idle limit the container is given: far above any heartbeat, so only a lost connection meets it. */
    private static final Duration IDLE_BACKSTOP_MIN = Duration.ofMinutes(2);
    static final int MAX_TEXT_CHARS = 16 * 1024;

    @Inject
    TokenVerifier verifier;

    @Inject
    SessionTokens sessionTokens;

    @Inject
    DriveSettings settings;

    @Inject
    TransferWorkers workers;

    @Inject
    OpenConnections connections;

    @Inject
    UploadMessages uploads;

    @Inject
    DownloadMessages downloads;

    @Inject
    TransferReports reports;

    @Inject
    @ConfigProperty(name = "mydrive.transfer.heartbeat")
    Duration heartbeat;

    @OnOpen
    public void open(Session session) {
        String token = (String) session.getUserProperties().get(TransferHandshake.TOKEN);
        TokenPrincipal caller;
        try {
            // The handshake was authenticated; this only reads the verified token (no store access here).
            caller = verifier.verify(token);
        } catch (TokenRejectedException e) {
            closeNow(session, CloseReasons.sessionEnded(e.specificCode()));
            return;
        }
        int maxFrame = SegmentFrame.HEADER_BYTES + settings.segmentSize();
        // The protocol's limits are enforced by MessageAssembler with the documented close reasons; the
        // container's own are only a backstop far above them.
        session.setMaxBinaryMessageBufferSize(4 * maxFrame);
        session.setMaxTextMessageBufferSize(4 * MAX_TEXT_CHARS);
        // ConnectionWatch closes a client silent for three heartbeats (4408); the container's idle limit is only a
        // backstop for a connection that watch cannot reach. Never short: a store or disk that stalls for seconds
        // (a flush after gigabytes written) must not cost a connection it has not even welcomed yet.
        session.setMaxIdleTimeout(Math.max(heartbeat.multipliedBy(6).toMillis(), IDLE_BACKSTOP_MIN.toMillis()));
        String address = (String) session.getUserProperties().get(TransferHandshake.ADDRESS);
        String tab = (String) session.getUserProperties().get(TransferHandshake.TAB);
        TransferConnection connection = new TransferConnection(session, caller, token, address, tab, sessionTokens,
                workers.executor(), new MessageAssembler(MAX_TEXT_CHARS, maxFrame, SegmentFrame.HEADER_BYTES));
        if (!connections.admit(connection)) {
            closeNow(session, CloseReasons.tooManyConnections());
            return;
        }
        session.getUserProperties().put(CONNECTION, connection);
        connection.control("open", () -> {
            connection.announced();
            reports.connected(connection, connections.sameTabOpen(connection));
            connection.send(Replies.welcome(caller.getName(), settings.segmentSize(), settings.window(),
                    settings.maxFileSize(), heartbeat.toMillis(), maxFrame));
        });
    }

    @OnMessage
    public void text(Session session, String part, boolean last) {
        TransferConnection connection = connection(session);
        if (connection == null) {
            return;
        }
        connection.alive();
        String text;
        try {
            text = connection.assembler().text(part, last);
        } catch (MessageAssembler.TooLargeException e) {
            connection.close(CloseReasons.messageTooLarge(), Departure.REFUSED);
            return;
        }
        if (text != null) {
            dispatch(connection, text);
        }
    }

    @OnMessage
    public void binary(Session session, ByteBuffer part, boolean last) {
        TransferConnection connection = connection(session);
        if (connection == null) {
            return;
        }
        connection.alive();
        MessageAssembler.Binary frame;
        try {
            frame = connection.assembler().binary(part, last);
        } catch (MessageAssembler.TooLargeException e) {
            connection.close(CloseReasons.frameTooLarge(), Departure.REFUSED);
            return;
        }
        if (frame != null) {
            uploads.segment(connection, frame);
        }
    }

    private void dispatch(TransferConnection connection, String text) {
        ControlMessage message;
        String type;
        try {
            message = ControlMessage.parse(text);
            type = message.type();
        } catch (DriveException e) {
            connection.reject("message", JsonProviders.JSON.createObjectBuilder(), e);
            return;
        }
        switch (type) {
            case "ping" -> connection.inOrder(() -> heartbeat(connection));
            case "bye" -> {
                connection.sayGoodbye();
                connection.close(CloseReasons.goodbye(), Departure.CLOSED_PAGE);
            }
            case "upload" -> connection.control(type, () -> uploads.start(connection, message));
            case "cancel" -> connection.control(type, () -> uploads.cancel(connection, message));
            case "download" -> connection.control(type, () -> downloads.open(connection, message));
            case "get" -> downloads.get(connection, message);
            default -> connection.reject("message", JsonProviders.JSON.createObjectBuilder(), new UnknownTypeException(type));
        }
    }

    /**
     * Tells why the connection ended: the server's own reason when it closed it; a clean goodbye when the client
     * closed it properly (1000, or 1001 as a browser leaving the page); otherwise a lost connection, or a lost
     * heartbeat when the client had gone quiet, unless its sign-in session turns out to have ended.
     */
    @OnClose
    public void close(Session session, CloseReason reason) {
        TransferConnection connection = (TransferConnection) session.getUserProperties().remove(CONNECTION);
        if (connection == null) {
            return;
        }
        connections.remove(connection);
        int code = reason.getCloseCode().getCode();
        boolean recentlyAlive = connection.aliveWithin(heartbeat.multipliedBy(2).toNanos());
        connection.inOrder(() -> {
            if (!connection.wasAnnounced()) {
                return;
            }
            Departure departure = connection.closedBecause();
            if (departure == null) {
                if (connection.saidGoodbye() || code == 1000 || code == 1001) {
                    departure = Departure.CLOSED_PAGE;
                } else if (!connection.sessionLives()) {
                    departure = connection.closedBecause();
                } else {
                    departure = recentlyAlive ? Departure.CONNECTION_LOST : Departure.HEARTBEAT_LOST;
                }
            }
            reports.closed(connection, departure);
        });
    }

    @OnError
    public void error(Session session, Throwable error) {
        LOG.log(Level.FINE, "Transfer socket error", error);
    }

    /** A ping: the session must still live (it may have ended elsewhere); it counts as a sign of life. */
    private void heartbeat(TransferConnection connection) {
        try {
            sessionTokens.authenticate(connection.rawToken());
            connection.send(Replies.pong());
            reports.alive(connection);
        } catch (TokenRejectedException e) {
            connection.endedSession(e.specificCode());
        }
    }

    /** Closes a connection that never became a transfer connection (refused at open). */
    private static void closeNow(Session session, CloseReason reason) {
        try {
            session.close(reason);
        } catch (java.io.IOException | IllegalStateException e) {
            // Already closing.
        }
    }

    private static TransferConnection connection(Session session) {
        return (TransferConnection) session.getUserProperties().get(CONNECTION);
    }
}
