package vn.mydrive.drive;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The drive's limits and transfer shape, checked once at start-up. The segment size is a whole number of
 * GridFS chunks, so a segment is written as exactly that many chunk documents of the final file.
 */
@ApplicationScoped
public class DriveSettings {

    @Inject
    @ConfigProperty(name = "mydrive.drive.chunk-size")
    int chunkSize;

    @Inject
    @ConfigProperty(name = "mydrive.drive.segment-chunks")
    int segmentChunks;

    @Inject
    @ConfigProperty(name = "mydrive.drive.window")
    int window;

    @Inject
    @ConfigProperty(name = "mydrive.drive.max-file-size")
    long maxFileSize;

    @Inject
    @ConfigProperty(name = "mydrive.drive.quota-per-user")
    long quotaPerUser;

    @Inject
    @ConfigProperty(name = "mydrive.drive.upload-expiry")
    Duration uploadExpiry;

    @Inject
    @ConfigProperty(name = "mydrive.drive.trash-retention")
    Duration trashRetention;

    @Inject
    @ConfigProperty(name = "mydrive.drive.max-open-uploads")
    int maxOpenUploads;

    @Inject
    @ConfigProperty(name = "mydrive.drive.in-flight-bytes")
    long inFlightBytes;

    @PostConstruct
    void check() {
        if (chunkSize < 1024 || chunkSize > 8 * 1024 * 1024) {
            throw new IllegalArgumentException("mydrive.drive.chunk-size must be 1 KiB .. 8 MiB");
        }
        if (segmentChunks < 1 || (long) segmentChunks * chunkSize > 16 * 1024 * 1024) {
            throw new IllegalArgumentException("mydrive.drive.segment-chunks must make segments of at most 16 MiB");
        }
        if (trashRetention.isNegative()) {
            throw new IllegalArgumentException("mydrive.drive.trash-retention must not be negative");
        }
        if (window < 1 || window > 256) {
            throw new IllegalArgumentException("mydrive.drive.window must be 1..256");
        }
    }

    /** Bytes per GridFS chunk document. */
    public int chunkSize() {
        return chunkSize;
    }

    /** Chunks per transfer segment. */
    public int segmentChunks() {
        return segmentChunks;
    }

    /** Bytes per transfer segment (the last segment of a file may be shorter). */
    public int segmentSize() {
        return chunkSize * segmentChunks;
    }

    /** Segments a client may have in flight at once, per transfer. */
    public int window() {
        return window;
    }

    public long maxFileSize() {
        return maxFileSize;
    }

    public long quotaPerUser() {
        return quotaPerUser;
    }

    public Duration uploadExpiry() {
        return uploadExpiry;
    }

    /** How long a file stays in the trash before it is deleted for good. */
    public Duration trashRetention() {
        return trashRetention;
    }

    /** Unfinished uploads one account may have at once. */
    public int maxOpenUploads() {
        return maxOpenUploads;
    }

    /** Segment bytes this node holds in memory at most, across all clients. */
    public long inFlightBytes() {
        return inFlightBytes;
    }
}
