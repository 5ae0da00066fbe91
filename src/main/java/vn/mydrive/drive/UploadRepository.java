package vn.mydrive.drive;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.bson.types.ObjectId;

/**
 * Unfinished uploads and which of their segments are stored; a completed upload keeps a small record for as long
 * as its file exists unchanged, so the same upload sent again is answered with that file. Marking a segment is
 * atomic on every node: the one mark that brings the count to the total is the one that completes the file.
 */
public interface UploadRepository {

    /** Stores a new upload; false if one with the same resume key exists (started meanwhile elsewhere). */
    boolean insert(Upload upload, Instant expiresAt);

    Optional<Upload> find(ObjectId id);

    Optional<Upload> findByResumeKey(String resumeKey);

    /**
     * Records that a segment is stored and pushes the expiry back.
     *
     * @return the number of stored segments after this one, or empty if it had been recorded before
     */
    Optional<Integer> markReceived(ObjectId id, int index, Instant expiresAt);

    /** How many segments are stored so far. */
    int receivedCount(ObjectId id);

    /** Turns the upload into the record of its completed file: no expiry, no segment list. */
    void markCompleted(ObjectId id);

    /** Forgets the record of a completed upload (its file was deleted or renamed); open uploads are left alone. */
    void forgetCompleted(ObjectId id);

    /** The indexes of the segments stored so far. */
    List<Integer> received(ObjectId id);

    void touch(ObjectId id, Instant expiresAt);

    /** @return false if it was already gone */
    boolean delete(ObjectId id);

    long countOpen(String ownerKey);

    /** The account's unfinished uploads, oldest first. */
    List<OpenUpload> openBy(String ownerKey);

    /** Unfinished uploads nobody sent a segment for since before {@code now} (completed ones never expire). */
    List<Upload> expiredBefore(Instant now);
}
