package vn.mydrive.drive;

import java.time.Instant;
import org.bson.types.ObjectId;

/**
 * A file in the bucket that this app did not upload (another GridFS client wrote it: pymongo, {@code mongofiles},
 * the original MyDrive), as its {@code fs.files} document describes it, before or after the bucket check read it.
 *
 * @param name          its {@code filename}, or its id when it has none
 * @param size          its {@code length} (int32, int64 or a whole double), or -1 when it has none
 * @param chunkSize     its {@code chunkSize}, or -1 when it has none
 * @param uploadDate    its {@code uploadDate}, or the time in its id when it has none
 * @param contentType   a media type it declared (top-level {@code contentType} or {@code metadata.contentType}), or null
 * @param md5           its {@code md5} (older clients wrote one), or null
 * @param originalOwner its top-level {@code owner}, as the original MyDrive and {@code fs.put(..., owner=...)} wrote
 *                      it, or null
 */
public record ForeignFile(ObjectId id, String name, long size, int chunkSize, Instant uploadDate, String contentType,
                          String md5, String originalOwner) {

    /** What makes the document no GridFS file at all, or null when its fields are sound. */
    public String problem() {
        if (size < 0) {
            return "no valid length";
        }
        if (chunkSize < 1) {
            return "no valid chunkSize";
        }
        if ((size + chunkSize - 1) / chunkSize > Integer.MAX_VALUE) {
            return "more chunks than anyone can store";
        }
        return null;
    }
}
