package vn.mydrive.drive;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.bson.types.ObjectId;

/**
 * The SHA-256 of each upload in progress on this node, computed while its segments arrive, so completing a
 * file does not mean reading it all back. SHA-256 needs bytes in order: a segment that arrives ahead of its
 * turn is kept in memory while a small shared allowance lasts, otherwise it is read back from the store
 * when its turn comes. An upload this node did not see begin (another node, or before a restart) is hashed
 * by reading it back when it completes.
 */
@ApplicationScoped
public class UploadDigests {

    /** Early segments kept in memory, all uploads together. */
    private static final long EARLY_SEGMENT_ALLOWANCE = 64L * 1024 * 1024;

    @Inject
    ChunkRepository chunks;

    private final Map<ObjectId, Running> running = new ConcurrentHashMap<>();
    private final AtomicLong earlyBytes = new AtomicLong();

    /** Starts hashing an upload none of whose segments are stored yet. */
    void begin(Upload upload) {
        running.putIfAbsent(upload.id(), new Running());
    }

    /** Feeds a segment that is now stored. */
    void stored(Upload upload, int index, byte[] data, int offset, int length) {
        Running digest = running.get(upload.id());
        if (digest == null) {
            return;
        }
        synchronized (digest) {
            if (index < digest.next || digest.early.containsKey(index) || digest.unread.contains(index)) {
                return;
            }
            if (index == digest.next) {
                digest.sha.update(data, offset, length);
                digest.next++;
                catchUp(upload, digest, false);
            } else if (earlyBytes.addAndGet(length) <= EARLY_SEGMENT_ALLOWANCE) {
                // A segment received into an array of its own is never written again: kept as it is, not copied.
                digest.early.put(index, offset == 0 && length == data.length ? data
                        : java.util.Arrays.copyOfRange(data, offset, offset + length));
            } else {
                earlyBytes.addAndGet(-length);
                digest.unread.add(index);
            }
        }
    }

    /** The file's SHA-256 in hex, once every segment is stored; forgets the upload. */
    String finish(Upload upload) {
        Running digest = running.remove(upload.id());
        if (digest == null) {
            digest = new Running();
        }
        synchronized (digest) {
            catchUp(upload, digest, true);
            releaseEarly(digest);
            return HexFormat.of().formatHex(digest.sha.digest());
        }
    }

    void forget(ObjectId uploadId) {
        Running digest = running.remove(uploadId);
        if (digest != null) {
            synchronized (digest) {
                releaseEarly(digest);
            }
        }
    }

    /** Hashes on from {@code next} while the next segment is at hand (or, when finishing, read back). */
    private void catchUp(Upload upload, Running digest, boolean finishing) {
        while (digest.next < upload.layout().segmentCount()) {
            int index = digest.next;
            byte[] early = digest.early.remove(index);
            if (early != null) {
                earlyBytes.addAndGet(-early.length);
                digest.sha.update(early);
            } else if (finishing || digest.unread.remove(index)) {
                readBack(upload, index, digest.sha);
            } else {
                return;
            }
            digest.next++;
        }
    }

    private void readBack(Upload upload, int index, MessageDigest sha) {
        SegmentLayout layout = upload.layout();
        for (int n = layout.firstChunk(index), last = n + layout.chunkCount(index); n < last; n++) {
            byte[] chunk = chunks.read(upload.id(), n);
            if (chunk == null) {
                throw new IllegalStateException("Chunk " + n + " of " + upload.id() + " is missing");
            }
            sha.update(chunk);
        }
    }

    private void releaseEarly(Running digest) {
        digest.early.values().forEach(bytes -> earlyBytes.addAndGet(-bytes.length));
        digest.early.clear();
    }

    private static final class Running {
        final MessageDigest sha = sha256();
        final Map<Integer, byte[]> early = new HashMap<>();
        final Set<Integer> unread = new HashSet<>();
        int next;
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
