package vn.mydrive.drive.transfer;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.util.List;
import org.bson.types.ObjectId;
import vn.mydrive.drive.DriveExceptions.DriveException;
import vn.mydrive.drive.SegmentLayout;
import vn.mydrive.drive.StoredFile;
import vn.mydrive.drive.Upload;
import vn.mydrive.platform.json.JsonProviders;

/** Every message the server sends on the transfer socket, built in one place (docs/transfer-protocol.md). */
final class Replies {

    static final int PROTOCOL = 1;

    private Replies() {
    }

    static String welcome(String user, int segmentSize, int window, long maxFileSize, long heartbeatMillis,
                          int maxMessageBytes) {
        return JsonProviders.JSON.createObjectBuilder()
                .add("type", "welcome")
                .add("protocol", PROTOCOL)
                .add("user", user)
                .add("segmentSize", segmentSize)
                .add("window", window)
                .add("maxFileSize", maxFileSize)
                .add("heartbeatMs", heartbeatMillis)
                .add("maxMessageBytes", maxMessageBytes)
                .build().toString();
    }

    static String pong() {
        return "{\"type\":\"pong\"}";
    }

    static String uploadReady(String ref, Upload upload, List<Integer> received) {
        return withRef(JsonProviders.JSON.createObjectBuilder().add("type", "upload-ready"), ref)
                .add("uploadId", upload.id().toHexString())
                .add("segmentSize", upload.segmentSize())
                .add("segmentCount", upload.layout().segmentCount())
                .add("have", ranges(received))
                .build().toString();
    }

    /** A stored segment; {@code received} is the count of stored segments, or negative for a repeat. */
    static String ack(ObjectId uploadId, int index, int received) {
        JsonObjectBuilder ack = JsonProviders.JSON.createObjectBuilder()
                .add("type", "ack")
                .add("uploadId", uploadId.toHexString())
                .add("index", index);
        return (received >= 0 ? ack.add("received", received) : ack.add("repeat", true)).build().toString();
    }

    static String complete(String ref, StoredFile file) {
        return withRef(JsonProviders.JSON.createObjectBuilder().add("type", "complete"), ref)
                .add("uploadId", file.id().toHexString())
                .add("fileId", file.id().toHexString())
                .add("name", file.name())
                .add("size", file.size())
                .add("sha256", file.sha256())
                .build().toString();
    }

    static String cancelled(String uploadId) {
        return JsonProviders.JSON.createObjectBuilder().add("type", "cancelled").add("uploadId", uploadId).build().toString();
    }

    static String downloadReady(String ref, StoredFile file, SegmentLayout layout) {
        return withRef(JsonProviders.JSON.createObjectBuilder().add("type", "download-ready"), ref)
                .add("fileId", file.id().toHexString())
                .add("name", file.name())
                .add("size", file.size())
                .add("sha256", file.sha256())
                .add("contentType", file.contentType())
                .add("segmentSize", layout.segmentSize())
                .add("segmentCount", layout.segmentCount())
                .build().toString();
    }

    /**
     * An error answering one request.
     *
     * @param request the type of message (or {@code segment}) it answers
     * @param target  extra fields naming what failed (uploadId, fileId, index, ref), may be empty
     */
    static String error(String request, JsonObjectBuilder target, DriveException e) {
        return target.add("type", "error")
                .add("request", request)
                .add("error", e.code())
                .add("message", e.getMessage())
                .add("retry", e.error().retryable())
                .add("backoff", e.error().backoff())
                .build().toString();
    }

    /** Stored segments as [first, last] ranges, so a resume answer stays small however large the file. */
    static JsonArrayBuilder ranges(List<Integer> indexes) {
        JsonArrayBuilder ranges = JsonProviders.JSON.createArrayBuilder();
        int[] sorted = indexes.stream().mapToInt(Integer::intValue).sorted().distinct().toArray();
        for (int i = 0; i < sorted.length; ) {
            int start = sorted[i];
            while (i + 1 < sorted.length && sorted[i + 1] == sorted[i] + 1) {
                i++;
            }
            ranges.add(JsonProviders.JSON.createArrayBuilder().add(start).add(sorted[i]));
            i++;
        }
        return ranges;
    }

    private static JsonObjectBuilder withRef(JsonObjectBuilder message, String ref) {
        return ref == null ? message : message.add("ref", ref);
    }

    /** Shortens client-supplied text before it is echoed back. */
    static String clip(String text) {
        return text == null ? "" : text.length() <= 64 ? text : text.substring(0, 64) + "...";
    }
}
