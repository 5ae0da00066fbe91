package vn.mydrive.drive.transfer;

import vn.mydrive.platform.json.JsonProviders;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObjectBuilder;
import java.nio.ByteBuffer;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.zip.CRC32C;
import vn.mydrive.drive.DriveExceptions.DriveException;
import vn.mydrive.drive.DriveExceptions.InvalidSegmentException;
import vn.mydrive.drive.DriveExceptions.ServerBusyException;
import vn.mydrive.drive.DriveSettings;
import vn.mydrive.drive.FileService;
import vn.mydrive.drive.StoredFile;
import vn.mydrive.drive.transfer.TransferExceptions.StoreUnavailableException;
import vn.mydrive.platform.events.TransferMeasured;
import vn.mydrive.drive.transfer.TransferExceptions.WindowExceededException;

/** The download half of the protocol: {@code download} (file info) and {@code get} (one segment). */
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
        String ref = null;
        try {
            ref = message.ref();
            StoredFile file = files.get(connection.username(), message.requiredString("fileId"));
            connection.openDownload(file);
            files.downloaded(file, connection.username(), connection.address());
            connection.send(Replies.downloadReady(ref, file, files.segmentSize(file), files.segmentCount(file)));
        } catch (DriveException e) {
            connection.reject("download", ref == null ? JsonProviders.JSON.createObjectBuilder() : JsonProviders.JSON.createObjectBuilder().add("ref", ref), e);
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

    private void send(TransferConnection connection, String fileId, int index, JsonObjectBuilder target) {
        int reserved = 0;
        try {
            StoredFile file = connection.openedDownload(FileService.parseId(fileId));
            if (file == null) {
                file = files.get(connection.username(), fileId);
                connection.openDownload(file);
            }
            if (index < 0 || index >= files.segmentCount(file)) {
                throw new InvalidSegmentException("Segment " + index + " is outside 0.." + (files.segmentCount(file) - 1) + ".");
            }
            int length = (int) Math.min(files.segmentSize(file), file.size() - (long) index * files.segmentSize(file));
            if (!workers.reserve(length)) {
                throw new ServerBusyException();
            }
            reserved = length;
            byte[] frame = new byte[SegmentFrame.HEADER_BYTES + length];
            files.readSegment(file, index, frame, SegmentFrame.HEADER_BYTES);
            CRC32C crc = new CRC32C();
            crc.update(frame, SegmentFrame.HEADER_BYTES, length);
            SegmentFrame.writeDownloadHeader(frame, file.id(), index, (int) crc.getValue());
            int sent = reserved;
            reserved = 0;
            long started = System.nanoTime();
            StoredFile sending = file;
            connection.outbox().binary(ByteBuffer.wrap(frame), () -> {
                workers.release(sent);
                connection.endGet();
                reports.segment(TransferMeasured.Direction.OUT, sent, started);
            });
            int segments = files.segmentCount(file);
            reports.busy(connection, "downloading " + sending.name() + " " + (100L * (index + 1) / segments) + " %",
                    index == segments - 1);
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
