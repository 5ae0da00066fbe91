package vn.mydrive.drive.transfer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObjectBuilder;
import java.nio.ByteBuffer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.bson.types.ObjectId;
import vn.mydrive.drive.DriveExceptions.DriveException;
import vn.mydrive.drive.DriveExceptions.FileNotFoundException;
import vn.mydrive.drive.DriveExceptions.ServerBusyException;
import vn.mydrive.drive.DriveSettings;
import vn.mydrive.drive.SegmentOutcome;
import vn.mydrive.drive.UploadRequest;
import vn.mydrive.drive.UploadService;
import vn.mydrive.drive.UploadTicket;
import vn.mydrive.drive.protocol.SegmentFrame;
import vn.mydrive.drive.transfer.TransferExceptions.BadFrameException;
import vn.mydrive.drive.transfer.TransferExceptions.StoreUnavailableException;
import vn.mydrive.drive.transfer.TransferExceptions.WindowExceededException;
import vn.mydrive.platform.events.ClientPresence.Work;
import vn.mydrive.platform.events.TransferMeasured;
import vn.mydrive.platform.json.JsonProviders;

/** The upload half of the protocol: {@code upload} and {@code cancel} messages, and upload segment frames. */
@ApplicationScoped
class UploadMessages {

    private static final Logger LOG = Logger.getLogger(UploadMessages.class.getName());

    @Inject
    UploadService uploads;

    @Inject
    TransferWorkers workers;

    @Inject
    DriveSettings settings;

    @Inject
    TransferReports reports;

    /**
     * {@code upload}: start or resume; answered with {@code upload-ready}, or with {@code complete} when nothing
     * is left to send (an empty file, or a file whose upload was already completed: its answer may have been lost).
     */
    void start(TransferConnection connection, ControlMessage message) {
        String ref = null;
        try {
            ref = message.ref();
            UploadRequest request = new UploadRequest(message.requiredString("name"), message.requiredLong("size"),
                    message.optionalLong("lastModified", 0), message.optionalString("contentType"),
                    message.optionalString("fingerprint"), message.optionalString("sha256"),
                    message.optionalString("visibility"), message.optionalString("folderId"));
            UploadTicket ticket = uploads.start(connection.username(), request, connection.address());
            if (ticket.completed() != null) {
                connection.send(Replies.complete(ref, ticket.completed()));
            } else {
                connection.rememberUpload(ticket.upload().id(), ref);
                connection.send(Replies.uploadReady(ref, ticket.upload(), ticket.received()));
            }
        } catch (DriveException e) {
            connection.reject("upload", withRef(ref), e);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Starting an upload failed", e);
            connection.reject("upload", withRef(ref), new StoreUnavailableException());
        }
    }

    /** {@code cancel}: ends the upload and removes its stored segments; answered with {@code cancelled}. */
    void cancel(TransferConnection connection, ControlMessage message) {
        String uploadId = null;
        try {
            uploadId = message.requiredString("uploadId");
            if (!ObjectId.isValid(uploadId)) {
                throw new FileNotFoundException();
            }
            uploads.cancel(connection.username(), new ObjectId(uploadId), connection.address());
            connection.forgetUpload(new ObjectId(uploadId));
            connection.send(Replies.cancelled(uploadId));
        } catch (DriveException e) {
            connection.reject("cancel", uploadId == null ? JsonProviders.JSON.createObjectBuilder()
                    : JsonProviders.JSON.createObjectBuilder().add("uploadId", Replies.clip(uploadId)), e);
        }
    }

    /**
     * An upload segment frame, on the I/O thread: checked for shape and window here, stored on the executor,
     * answered with {@code ack} (and {@code complete} after the last one) or an {@code error}.
     */
    void segment(TransferConnection connection, MessageAssembler.Binary frame) {
        SegmentFrame.Header segment;
        try {
            segment = SegmentFrame.read(ByteBuffer.wrap(frame.head(), 0, frame.headLength()), frame.bodyLength(),
                    SegmentFrame.Kind.UPLOAD);
        } catch (SegmentFrame.MalformedFrameException e) {
            connection.reject("segment", JsonProviders.JSON.createObjectBuilder(), new BadFrameException(e.getMessage()));
            return;
        }
        if (!connection.beginSegment(settings.window())) {
            connection.reject("segment", target(segment), new WindowExceededException(settings.window()));
            return;
        }
        if (!workers.reserve(frame.length())) {
            connection.endSegment();
            connection.reject("segment", target(segment), new ServerBusyException());
            return;
        }
        long received = System.nanoTime();
        boolean submitted = workers.submit(() -> store(connection, segment, frame, received));
        if (!submitted) {
            workers.release(frame.length());
            connection.endSegment();
            connection.reject("segment", target(segment), new ServerBusyException());
        }
    }

    /**
     * Stores a segment, then frees its place in the window and its memory before answering: a client that
     * sends the next segment as soon as an answer arrives never finds the window still full.
     */
    private void store(TransferConnection connection, SegmentFrame.Header segment, MessageAssembler.Binary frame,
                       long received) {
        ObjectId uploadId = new ObjectId(segment.id());
        SegmentOutcome outcome = null;
        DriveException failure = null;
        try {
            if (!connection.sessionLives()) {
                return;
            }
            outcome = uploads.storeSegment(connection.username(), uploadId, segment.index(), frame.body(), 0,
                    segment.payloadLength(), segment.crc32c(), connection.address());
        } catch (DriveException e) {
            failure = e;
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Storing segment " + segment.index() + " of " + uploadId + " failed", e);
            failure = new StoreUnavailableException();
        } finally {
            workers.release(frame.length());
            connection.endSegment();
        }
        if (failure != null) {
            if (failure.error().endsUpload()) {
                connection.forgetUpload(uploadId);
            }
            connection.reject("segment", target(segment), failure);
            return;
        }
        if (outcome == null) {
            return;
        }
        connection.send(Replies.ack(uploadId, segment.index(), outcome.received()));
        reports.segment(TransferMeasured.Direction.IN, segment.payloadLength(), received);
        if (outcome.completed() != null) {
            String ref = connection.forgetUpload(uploadId);
            connection.send(Replies.complete(ref, outcome.completed()));
        }
        if (outcome.received() >= 0) {
            reports.busy(connection, new Work(Work.Kind.UPLOADING, outcome.name(),
                    (int) (100L * outcome.received() / outcome.segmentCount())), outcome.completed() != null);
        }
    }

    private static JsonObjectBuilder withRef(String ref) {
        JsonObjectBuilder target = JsonProviders.JSON.createObjectBuilder();
        return ref == null ? target : target.add("ref", ref);
    }

    private static JsonObjectBuilder target(SegmentFrame.Header segment) {
        return JsonProviders.JSON.createObjectBuilder().add("uploadId", segment.id()).add("index", segment.index());
    }
}
