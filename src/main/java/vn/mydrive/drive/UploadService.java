package vn.mydrive.drive;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import java.util.zip.CRC32C;
import org.bson.types.ObjectId;
import vn.mydrive.drive.DriveExceptions.FileChecksumException;
import vn.mydrive.drive.DriveExceptions.FileNotFoundException;
import vn.mydrive.drive.DriveExceptions.FileTooLargeException;
import vn.mydrive.drive.DriveExceptions.FingerprintMismatchException;
import vn.mydrive.drive.DriveExceptions.InvalidSegmentException;
import vn.mydrive.drive.DriveExceptions.InvalidUploadException;
import vn.mydrive.drive.DriveExceptions.QuotaExceededException;
import vn.mydrive.drive.DriveExceptions.SegmentChecksumException;
import vn.mydrive.drive.DriveExceptions.TooManyUploadsException;
import vn.mydrive.drive.store.ChunkStore;
import vn.mydrive.drive.store.FileStore;
import vn.mydrive.drive.store.Upload;
import vn.mydrive.drive.store.UploadStore;
import vn.mydrive.drive.store.UsageStore;
import vn.mydrive.platform.events.Activity;
import vn.mydrive.platform.events.Activity.Kind;

/**
 * Uploads from start to finish: checks an upload against the limits before any byte is stored, stores each
 * segment into the final file's chunks, and makes the file visible only once every segment is stored and the
 * whole file's size and SHA-256 are right. Every step is idempotent and keeps its state in the store, so a
 * client may resend anything, resume after a drop or a server restart, and send segments to any node.
 */
@ApplicationScoped
public class UploadService {

    private static final Logger LOG = Logger.getLogger(UploadService.class.getName());
    private static final Pattern HEX_64 = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern HEX_8 = Pattern.compile("[0-9a-f]{8}");
    private static final Pattern CONTENT_TYPE = Pattern.compile("[a-z0-9!#$&^_.+-]{1,63}/[a-z0-9!#$&^_.+-]{1,63}");
    private static final String EMPTY_SHA256 = HexFormat.of().formatHex(UploadDigests.sha256().digest());

    @Inject
    DriveSettings settings;

    @Inject
    UploadStore uploads;

    @Inject
    ChunkStore chunks;

    @Inject
    FileStore files;

    @Inject
    UsageStore usage;

    @Inject
    UploadDigests digests;

    @Inject
    Event<Activity> activity;

    /** Starts an upload, or finds the one this same file was already being uploaded by. */
    public UploadTicket start(String owner, UploadRequest request, String clientAddress) {
        String name = FileNames.check(request.name());
        long size = request.size();
        if (size < 0 || request.lastModified() < 0) {
            throw new InvalidUploadException("Size and last-modified time cannot be negative.");
        }
        if (size > settings.maxFileSize()) {
            throw new FileTooLargeException(settings.maxFileSize());
        }
        String fingerprint = lower(request.fingerprint());
        if (size > 0 && (fingerprint == null || !HEX_8.matcher(fingerprint).matches())) {
            throw new InvalidUploadException("The fingerprint must be the CRC32C of the first segment (8 hex digits).");
        }
        String declaredSha256 = lower(request.sha256());
        if (declaredSha256 != null && !HEX_64.matcher(declaredSha256).matches()) {
            throw new InvalidUploadException("sha256 must be 64 hex digits.");
        }
        Visibility visibility = request.visibility() == null ? Visibility.SHARED : Visibility.parse(request.visibility());
        if (visibility == null) {
            throw new InvalidUploadException("visibility must be shared or private.");
        }
        String contentType = contentType(request.contentType());
        String ownerKey = owner.toLowerCase(Locale.ROOT);
        String resumeKey = resumeKey(ownerKey, name, size, request.lastModified(), fingerprint);

        Optional<Upload> existing = uploads.findByResumeKey(resumeKey);
        if (existing.isPresent()) {
            uploads.touch(existing.get().id(), expiry());
            return new UploadTicket(existing.get(), uploads.received(existing.get().id()), null);
        }
        if (uploads.countOpen(ownerKey) >= settings.maxOpenUploads()) {
            throw new TooManyUploadsException(settings.maxOpenUploads());
        }
        if (!usage.reserve(ownerKey, size, settings.quotaPerUser())) {
            throw new QuotaExceededException(settings.quotaPerUser());
        }
        Upload upload = new Upload(new ObjectId(), resumeKey, owner, name, size, contentType, request.lastModified(),
                fingerprint, declaredSha256, visibility, settings.chunkSize(), settings.segmentSize(), Instant.now());
        activity.fire(Activity.of(Kind.UPLOAD_STARTED, owner, clientAddress, name + " (" + size + " bytes)"));
        if (size == 0) {
            return new UploadTicket(upload, List.of(), finishEmpty(upload, clientAddress));
        }
        if (!uploads.insert(upload, expiry())) {
            // The same file was started at the same moment elsewhere: join that upload.
            usage.release(ownerKey, size);
            Upload winner = uploads.findByResumeKey(resumeKey).orElseThrow(FileNotFoundException::new);
            return new UploadTicket(winner, uploads.received(winner.id()), null);
        }
        digests.begin(upload);
        return new UploadTicket(upload, List.of(), null);
    }

    /**
     * Stores one segment ({@code length} bytes of {@code data} from {@code offset}).
     *
     * @param crc32c the segment's CRC32C as sent by the client, or null if it sent none
     */
    public SegmentOutcome storeSegment(String owner, ObjectId uploadId, int index, byte[] data, int offset, int length,
                                      Integer crc32c, String clientAddress) {
        Optional<Upload> found = uploads.find(uploadId).filter(u -> u.owner().equalsIgnoreCase(owner));
        if (found.isEmpty()) {
            // A segment sent again after its upload completed (its answer was lost): nothing to do.
            if (files.find(uploadId).filter(f -> f.isOwnedBy(owner)).isPresent()) {
                return new SegmentOutcome(-1, -1, null, null);
            }
            throw new FileNotFoundException();
        }
        Upload upload = found.get();
        if (index < 0 || index >= upload.segmentCount()) {
            throw new InvalidSegmentException("Segment " + index + " is outside 0.." + (upload.segmentCount() - 1) + ".");
        }
        if (length != upload.segmentLength(index)) {
            throw new InvalidSegmentException("Segment " + index + " must be " + upload.segmentLength(index)
                    + " bytes, not " + length + ".");
        }
        if (crc32c != null || (index == 0 && upload.fingerprint() != null)) {
            int actual = crc32c(data, offset, length);
            if (crc32c != null && actual != crc32c) {
                throw new SegmentChecksumException();
            }
            if (index == 0 && !String.format("%08x", actual).equals(upload.fingerprint())) {
                throw new FingerprintMismatchException();
            }
        }
        chunks.write(upload.id(), upload.firstChunk(index), data, offset, length, upload.chunkSize());
        Optional<Integer> received = uploads.markReceived(upload.id(), index, expiry());
        if (received.isEmpty()) {
            // Stored before: acknowledge again, change nothing.
            return new SegmentOutcome(-1, upload.segmentCount(), null, upload.name());
        }
        digests.stored(upload, index, data, offset, length);
        StoredFile completed = received.get() == upload.segmentCount() ? complete(upload, clientAddress) : null;
        return new SegmentOutcome(received.get(), upload.segmentCount(), completed, upload.name());
    }

    /** Ends an unfinished upload and removes what was stored for it. */
    public void cancel(String owner, ObjectId uploadId, String clientAddress) {
        Upload upload = uploads.find(uploadId).filter(u -> u.owner().equalsIgnoreCase(owner))
                .orElseThrow(FileNotFoundException::new);
        discard(upload);
        activity.fire(Activity.of(Kind.UPLOAD_FAILED, owner, clientAddress, upload.name() + " (cancelled)"));
    }

    /** Removes uploads nobody has sent a segment for since their expiry; returns how many. */
    public int expire(Instant now) {
        List<Upload> expired = uploads.expiredBefore(now);
        for (Upload upload : expired) {
            discard(upload);
            LOG.info(() -> "Removed the expired upload " + upload.id() + " of " + upload.owner());
            activity.fire(Activity.of(Kind.UPLOAD_FAILED, upload.owner(), null, upload.name() + " (expired)"));
        }
        return expired.size();
    }

    private StoredFile complete(Upload upload, String clientAddress) {
        String sha256 = digests.finish(upload);
        if (upload.sha256() != null && !upload.sha256().equals(sha256)) {
            discard(upload);
            activity.fire(Activity.of(Kind.UPLOAD_FAILED, upload.owner(), clientAddress, upload.name() + " (checksum)"));
            throw new FileChecksumException();
        }
        StoredFile file = toFile(upload, sha256);
        files.insert(file);
        uploads.delete(upload.id());
        activity.fire(Activity.of(Kind.UPLOAD_FINISHED, upload.owner(), clientAddress,
                upload.name() + " (" + upload.size() + " bytes)"));
        return file;
    }

    private StoredFile finishEmpty(Upload upload, String clientAddress) {
        if (upload.sha256() != null && !upload.sha256().equals(EMPTY_SHA256)) {
            throw new FileChecksumException();
        }
        StoredFile file = toFile(upload, EMPTY_SHA256);
        files.insert(file);
        activity.fire(Activity.of(Kind.UPLOAD_FINISHED, upload.owner(), clientAddress, upload.name() + " (0 bytes)"));
        return file;
    }

    /** Removes the upload record first (no more segments are accepted), then its chunks, then its reservation. */
    private void discard(Upload upload) {
        digests.forget(upload.id());
        if (uploads.delete(upload.id())) {
            chunks.delete(upload.id(), upload.chunkCount());
            usage.release(upload.owner().toLowerCase(Locale.ROOT), upload.size());
        }
    }

    private static StoredFile toFile(Upload upload, String sha256) {
        return new StoredFile(upload.id(), upload.name(), upload.owner(), upload.size(), Instant.now(), sha256,
                upload.contentType(), upload.visibility(), upload.chunkSize());
    }

    private Instant expiry() {
        return Instant.now().plus(settings.uploadExpiry());
    }

    private String resumeKey(String ownerKey, String name, long size, long lastModified, String fingerprint) {
        MessageDigest sha = UploadDigests.sha256();
        String key = String.join("\u0000", ownerKey, name, Long.toString(size), Long.toString(lastModified),
                String.valueOf(fingerprint), Integer.toString(settings.segmentSize()));
        return HexFormat.of().formatHex(sha.digest(key.getBytes(StandardCharsets.UTF_8)));
    }

    static int crc32c(byte[] data, int offset, int length) {
        CRC32C crc = new CRC32C();
        crc.update(data, offset, length);
        return (int) crc.getValue();
    }

    private static String contentType(String declared) {
        String type = declared == null ? "" : declared.strip().toLowerCase(Locale.ROOT);
        return CONTENT_TYPE.matcher(type).matches() ? type : "application/octet-stream";
    }

    private static String lower(String hex) {
        return hex == null || hex.isEmpty() ? null : hex.toLowerCase(Locale.ROOT);
    }
}
