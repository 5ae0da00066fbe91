package vn.mydrive.drive;

import java.time.Instant;

/** An unfinished upload as its owner sees it: how much of it is stored and until when it is kept. */
public record OpenUpload(Upload upload, int storedSegments, Instant expiresAt) {

    /** Bytes stored: every stored segment is whole, and only the last one may be shorter. */
    public long storedBytes() {
        SegmentLayout layout = upload.layout();
        return storedSegments == layout.segmentCount() ? upload.size()
                : Math.min(upload.size(), (long) storedSegments * upload.segmentSize());
    }
}
