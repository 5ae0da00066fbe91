package vn.mydrive.drive;

import java.time.Instant;
import org.bson.types.ObjectId;

/**
 * An unfinished upload: what file it will become and how its bytes are cut into segments. Its id is also the
 * id of the file it becomes, so its segments are written straight into that file's chunks.
 *
 * @param resumeKey   identifies "the same file from the same owner" (name, size, last-modified, fingerprint)
 * @param fingerprint CRC32C of the first segment, in hex: checked when that segment arrives
 * @param sha256      the whole file's SHA-256 as the client declared it, or null
 * @param completed   the file was completed: the record stays, as long as the file does, so the same upload sent
 *                    again is answered with that file
 * @param folderId    the folder the file goes into, or null for the top of the drive
 */
public record Upload(ObjectId id, String resumeKey, String owner, String name, long size, String contentType,
                     long lastModified, String fingerprint, String sha256, Visibility visibility, int chunkSize,
                     int segmentSize, Instant createdAt, boolean completed, ObjectId folderId) {

    /** How the file's bytes are cut into segments and chunks. */
    public SegmentLayout layout() {
        return SegmentLayout.aligned(size, segmentSize, chunkSize);
    }
}
