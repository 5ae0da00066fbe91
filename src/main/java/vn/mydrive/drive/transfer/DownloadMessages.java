package vn.mydrive.drive.transfer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObjectBuilder;
import java.nio.ByteBuffer;
import java.util.logging.Level;
import java.util.logging.Logger;
import vn.mydrive.drive.DriveExceptions.DriveException;
import vn.mydrive.drive.DriveExceptions.InvalidSegmentException;
import vn.mydrive.drive.DriveExceptions.ServerBusyException;
import vn.mydrive.drive.DriveSettings;
import vn.mydrive.drive.FileService;
import vn.mydrive.drive.SegmentLayout;
import vn.mydrive.drive.StoredFile;
import vn.mydrive.drive.protocol.SegmentFrame;
import vn.mydrive.drive.transfer.TransferExceptions.StoreUnavailableException;
import vn.mydrive.drive.transfer.TransferExceptions.WindowExceededException;
import vn.mydrive.platform.events.ClientPresence.Work;
import vn.mydrive.platform.events.TransferMeasured;
import vn.mydrive.platform.json.JsonProviders;

/**
 * The download half of the protocol: {@code download} (file info) and {@code get} (one segment). Every
 * {@code get} looks the file up again, as the HTTP content endpoint does for every request: a file made private
 * or deleted while it is being downloaded stops being served at once.
 */
@ApplicationScoped
class DownloadMessages {

    private static final Logger LOG = Logger.getLogger(DownloadMessages.class.getName());

    @Inject
    FileService files;

    @Inject
    TransferWorkers workers;

    @Inject
    DriveSettings settings;

    @Inject
    TransferReports reports;

    /** {@code download}: answered with {@code download-ready}, which tells how the file is cut into segments. */
    void open(TransferConnection connection, ControlMessage message) {
        JsonObjectBuilder target = JsonProviders.JSON.createObjectBuilder();
        try {
            String ref = message.ref();
            if (ref != null) {
                target.add("ref", ref);
            }
            String fileId = message.requiredString("fileId");
            target.add("fileId", Replies.clip(fileId));
            StoredFile file = files.get(connection.username(), fileId);
            files.downloaded(file, connection.username(), connection.address());
            connection.send(Replies.downloadReady(ref, file, files.layout(file)));
        } catch (DriveException e) {
            connection.reject("download", target, e);
        }
    }

    /** {@code get}: sends one segment as a binary frame (kind 2), read and framed on the executor. */
    void get(TransferConnection connection, ControlMessage message) {
        String fileId;
        int index;
        try {
            fileId = message.requiredString("fileId");
            index = message.requiredInt("index");
        } catch (DriveException e) {
            connection.reject("get", JsonProviders.JSON.createObjectBuilder(), e);
            return;
        }
        JsonObjectBuilder target = JsonProviders.JSON.createObjectBuilder().add("fileId", Replies.clip(fileId)).add("index", index);
        if (!connection.beginGet(settings.window())) {
            connection.reject("get", target, new WindowExceededException(settings.window()));
            return;
        }
        if (!workers.submit(() -> send(connection, fileId, index, target))) {
            connection.endGet();
            connection.reject("get", target, new ServerBusyException());
        }
    }

    /**
     * Reads and sends one segment. Its place in the window is freed as the frame is handed to the sender (a client
     * may ask for the next one as soon as this one arrives); its memory once the frame has left.
     */
    private void send(TransferConnection connection, String fileId, int index, JsonObjectBuilder target) {
        int reserved = 0;
        try {
            if (!connection.sessionLives()) {
                connection.endGet();
                return;
            }
            StoredFile file = files.get(connection.username(), fileId);
            SegmentLayout layout = files.layout(file);
            if (!layout.hasSegment(index)) {
                throw new InvalidSegmentException("Segment " + index + " is outside 0.." + (layout.segmentCount() - 1) + ".");
            }
            int length = layout.segmentLength(index);
            if (!workers.reserve(length)) {
                throw new ServerBusyException();
            }
            reserved = length;
            byte[] frame = new byte[SegmentFrame.HEADER_BYTES + length];
            files.readSegment(file, index, frame, SegmentFrame.HEADER_BYTES);
            SegmentFrame.seal(frame, SegmentFrame.Kind.DOWNLOAD, file.id().toHexString(), index, length);
            int sent = reserved;
            reserved = 0;
            long started = System.nanoTime();
            connection.endGet();
            connection.outbox().binary(ByteBuffer.wrap(frame), () -> {
                workers.release(sent);
                reports.segment(TransferMeasured.Direction.OUT, sent, started);
            });
            reports.busy(connection, new Work(Work.Kind.DOWNLOADING, file.name(),
                    (int) (100L * (index + 1) / layout.segmentCount())), index == layout.segmentCount() - 1);
        } catch (DriveException e) {
            release(connection, reserved);
            connection.reject("get", target, e);
        } catch (RuntimeException e) {
            release(connection, reserved);
            LOG.log(Level.WARNING, "Reading segment " + index + " of " + fileId + " failed", e);
            connection.reject("get", target, new StoreUnavailableException());
        }
    }

    private void release(TransferConnection connection, int reserved) {
        if (reserved > 0) {
            workers.release(reserved);
        }
        connection.endGet();
    }
}
