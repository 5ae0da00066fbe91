package vn.mydrive.drive.transfer;

import vn.mydrive.platform.json.JsonProviders;
import jakarta.inject.Inject;
import jakarta.websocket.CloseReason;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.mydrive.drive.DriveExceptions.DriveException;
import vn.mydrive.drive.DriveSettings;
import vn.mydrive.drive.transfer.TransferExceptions.UnknownTypeException;
import vn.mydrive.platform.security.SessionTokens;
import vn.mydrive.platform.security.TokenPrincipal;
import vn.mydrive.platform.security.TokenRejectedException;

/**
 * The transfer socket, {@code /ws/transfer}: one per client, carrying JSON control messages and binary
 * segment frames (docs/transfer-protocol.md). This class only receives: it parses on the container's I/O
 * thread and hands every piece of work that touches the store to the managed executor.
 */
@ServerEndpoint(value = "/ws/transfer", configurator = TransferHandshake.class)
public class TransferEndpoint {

    private static final Logger LOG = Logger.getLogger(TransferEndpoint.class.getName());
    private static final String CONNECTION = "vn.mydrive.transfer.connection";
    private static final int MAX_TEXT_BYTES = 16 * 1024;

    @Inject
    SessionTokens sessionTokens;

    @Inject
    DriveSettings settings;

    @Inject
    TransferWorkers workers;

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
            caller = sessionTokens.authenticate(token);
        } catch (TokenRejectedException e) {
            Connections.closeQuietly(session, CloseCodes.SESSION_ENDED, e.reason().code());
            return;
        }
        int maxFrame = SegmentFrame.HEADER_BYTES + settings.segmentSize();
        session.setMaxBinaryMessageBufferSize(maxFrame);
        session.setMaxTextMessageBufferSize(MAX_TEXT_BYTES);
        // A client sends a ping every heartbeat; three missed ones mean the connection dropped.
        session.setMaxIdleTimeout(heartbeat.multipliedBy(3).toMillis());
        String address = (String) session.getUserProperties().get(TransferHandshake.ADDRESS);
        TransferConnection connection = new TransferConnection(session, caller, token, address, workers.strand(),
                workers.executor());
        session.getUserProperties().put(CONNECTION, connection);
        reports.connected(connection);
        connection.send(Replies.welcome(caller.getName(), settings.segmentSize(), settings.window(),
                settings.maxFileSize(), heartbeat.toMillis(), maxFrame));
    }

    @OnMessage
    public void text(Session session, String text) {
        TransferConnection connection = connection(session);
        if (connection == null) {
            return;
        }
        connection.alive();
        if (text.length() > MAX_TEXT_BYTES) {
            // Undertow does not enforce the text buffer size set at open for whole messages.
            Connections.closeQuietly(session, CloseReason.CloseCodes.TOO_BIG, "message too large");
            return;
        }
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
            case "ping" -> connection.control(type, () -> heartbeat(connection));
            case "bye" -> {
                connection.sayGoodbye();
                Connections.closeQuietly(session, CloseCodes.GOODBYE, "bye");
            }
            case "upload" -> connection.control(type, () -> uploads.start(connection, message));
            case "cancel" -> connection.control(type, () -> uploads.cancel(connection, message));
            case "download" -> connection.control(type, () -> downloads.open(connection, message));
            case "get" -> downloads.get(connection, message);
            default -> connection.reject("message", JsonProviders.JSON.createObjectBuilder(), new UnknownTypeException(type));
        }
    }

    @OnMessage
    public void binary(Session session, byte[] frame) {
        TransferConnection connection = connection(session);
        if (connection == null) {
            return;
        }
        connection.alive();
        if (frame.length > SegmentFrame.HEADER_BYTES + settings.segmentSize()) {
            // Not every container enforces the buffer size set at open (Tyrus does not for whole messages).
            Connections.closeQuietly(session, CloseReason.CloseCodes.TOO_BIG, "frame too large");
            return;
        }
        uploads.segment(connection, frame);
    }

    /**
     * Tells a clean end (the client said goodbye, or closed the page: 1000/1001 while still sending pings)
     * from a dropped connection (no closing handshake, or silent for heartbeats before the close).
     */
    @OnClose
    public void close(Session session, CloseReason reason) {
        TransferConnection connection = (TransferConnection) session.getUserProperties().remove(CONNECTION);
        if (connection == null) {
            return;
        }
        int code = reason.getCloseCode().getCode();
        boolean recentlyAlive = connection.aliveWithin(heartbeat.multipliedBy(2).toNanos());
        boolean clean = connection.saidGoodbye() || code == CloseCodes.SESSION_ENDED.getCode()
                || ((code == 1000 || code == 1001) && recentlyAlive);
        reports.closed(connection, clean, "close " + code + (connection.saidGoodbye() ? " after bye" : "")
                + (recentlyAlive ? "" : ", no heartbeat"));
    }

    @OnError
    public void error(Session session, Throwable error) {
        LOG.log(Level.FINE, "Transfer socket error", error);
    }

    /** A ping: the session must still live (it may have been signed out elsewhere); it counts as a sign of life. */
    private void heartbeat(TransferConnection connection) {
        try {
            sessionTokens.authenticate(connection.rawToken());
            connection.send(Replies.pong());
            reports.alive(connection);
        } catch (TokenRejectedException e) {
            Connections.closeQuietly(connection.session(), CloseCodes.SESSION_ENDED, e.reason().code());
        }
    }

    private static TransferConnection connection(Session session) {
        return (TransferConnection) session.getUserProperties().get(CONNECTION);
    }
}
