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
import vn.mydrive.platform.events.Activity.Kind;
import vn.mydrive.platform.events.Activity;
import vn.mydrive.platform.security.AccountKey;

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
    private static final Pattern CHARSET = Pattern.compile("charset=[a-z0-9._-]{1,40}");
    private static final String OCTET_STREAM = "application/octet-stream";
    private static final String EMPTY_SHA256 = HexFormat.of().formatHex(UploadDigests.sha256().digest());

    @Inject
    DriveSettings settings;

    @Inject
    UploadRepository uploads;

    @Inject
    ChunkRepository chunks;

    @Inject
    FileRepository files;

    @Inject
    FolderService folders;

    @Inject
    UsageRepository usage;

    @Inject
    UploadDigests digests;

    @Inject
    Event<Activity> activity;

    @Inject
    Event<FileStored> stored;

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
        String ownerKey = AccountKey.of(owner);
        ObjectId folderId = request.folderId() == null || request.folderId().isBlank() ? null
                : folders.writable(owner, request.folderId()).id();
        String resumeKey = resumeKey(ownerKey, name, size, request.lastModified(), fingerprint, folderId);

        Optional<UploadTicket> known = resume(owner, resumeKey, clientAddress);
        if (known.isPresent()) {
            return known.get();
        }
        if (uploads.countOpen(ownerKey) >= settings.maxOpenUploads()) {
            throw new TooManyUploadsException(settings.maxOpenUploads());
        }
        if (!usage.reserve(ownerKey, size, settings.quotaPerUser())) {
            throw new QuotaExceededException(settings.quotaPerUser());
        }
        Upload upload = new Upload(new ObjectId(), resumeKey, owner, name, size, contentType, request.lastModified(),
                fingerprint, declaredSha256, visibility, settings.chunkSize(), settings.segmentSize(), Instant.now(),
                false, folderId);
        activity.fire(Activity.of(Kind.UPLOAD_STARTED, owner, clientAddress, name + " (" + size + " bytes)"));
        if (!uploads.insert(upload, expiry())) {
            // The same file was started at the same moment elsewhere: join that upload.
            usage.release(ownerKey, size);
            return resume(owner, resumeKey, clientAddress).orElseThrow(FileNotFoundException::new);
        }
        if (size == 0) {
            return new UploadTicket(upload, List.of(), finishEmpty(upload, clientAddress));
        }
        digests.begin(upload);
        return new UploadTicket(upload, List.of(), null);
    }

    /**
     * The answer for an upload of this same file that exists already: its file, if it was completed (the client
     * may have lost the {@code complete}); the file, completed now, if every segment is stored but the completion
     * did not happen (a crash in between); else the upload to go on with and what it holds.
     */
    private Optional<UploadTicket> resume(String owner, String resumeKey, String clientAddress) {
        Optional<Upload> existing = uploads.findByResumeKey(resumeKey);
        if (existing.isEmpty()) {
            return Optional.empty();
        }
        Upload upload = existing.get();
        if (upload.completed()) {
            Optional<StoredFile> file = files.find(upload.id()).filter(f -> f.isOwnedBy(owner) && !f.isTrashed());
            if (file.isPresent()) {
                return Optional.of(new UploadTicket(upload, List.of(), file.get()));
            }
            uploads.forgetCompleted(upload.id());
            return Optional.empty();
        }
        uploads.touch(upload.id(), expiry());
        List<Integer> received = uploads.received(upload.id());
        if (received.size() == upload.layout().segmentCount()) {
            return Optional.of(new UploadTicket(upload, received, complete(upload, clientAddress)));
        }
        return Optional.of(new UploadTicket(upload, received, null));
    }

    /**
     * Stores one segment ({@code length} bytes of {@code data} from {@code offset}).
     *
     * @param crc32c the segment's CRC32C as sent by the client, or null if it sent none
     */
    public SegmentOutcome storeSegment(String owner, ObjectId uploadId, int index, byte[] data, int offset, int length,
                                      Integer crc32c, String clientAddress) {
        Optional<Upload> found = uploads.find(uploadId).filter(u -> AccountKey.same(u.owner(), owner));
        if (found.isEmpty() || found.get().completed()) {
            // A segment sent again after its upload completed (its answer was lost): acknowledged, and the file is
            // named again so the client learns it is complete.
            StoredFile file = files.find(uploadId).filter(f -> f.isOwnedBy(owner)).orElseThrow(FileNotFoundException::new);
            return new SegmentOutcome(-1, -1, file, file.name());
        }
        Upload upload = found.get();
        SegmentLayout layout = upload.layout();
        if (!layout.hasSegment(index)) {
            throw new InvalidSegmentException("Segment " + index + " is outside 0.." + (layout.segmentCount() - 1) + ".");
        }
        if (length != layout.segmentLength(index)) {
            throw new InvalidSegmentException("Segment " + index + " must be " + layout.segmentLength(index)
                    + " bytes, not " + length + ".");
        }
        if (crc32c != null || (index == 0 && upload.fingerprint() != null)) {
            int actual = crc32c(data, offset, length);
            if (crc32c != null && actual != crc32c) {
                throw new SegmentChecksumException();
            }
            if (index == 0 && !String.format("%08x", actual).equals(upload.fingerprint())) {
                // Not the file this upload was started for, and it never will be: it ends here, freeing its quota.
                discard(upload);
                activity.fire(Activity.of(Kind.UPLOAD_FAILED, owner, clientAddress, upload.name() + " (fingerprint)"));
                throw new FingerprintMismatchException();
            }
        }
        chunks.write(upload.id(), layout.firstChunk(index), data, offset, length, upload.chunkSize());
        Optional<Integer> received = uploads.markReceived(upload.id(), index, expiry());
        if (received.isEmpty()) {
            // Stored before: acknowledged again, nothing changes; unless every segment is stored and the file was
            // never completed (a crash between the last segment and the completion), which completes it now.
            StoredFile completed = uploads.receivedCount(upload.id()) == layout.segmentCount()
                    ? complete(upload, clientAddress) : null;
            return new SegmentOutcome(-1, layout.segmentCount(), completed, upload.name());
        }
        digests.stored(upload, index, data, offset, length);
        StoredFile completed = received.get() == layout.segmentCount() ? complete(upload, clientAddress) : null;
        return new SegmentOutcome(received.get(), layout.segmentCount(), completed, upload.name());
    }

    /** The owner's unfinished uploads (to resume by choosing the same file again, or to discard). */
    public List<OpenUpload> unfinished(String owner) {
        return uploads.openBy(AccountKey.of(owner));
    }

    /** Removes every unfinished upload of the owner and what was stored for them (their account is going). */
    public void discardAll(String owner) {
        for (OpenUpload open : uploads.openBy(AccountKey.of(owner))) {
            discard(open.upload());
        }
    }

    /** Ends an unfinished upload and removes what was stored for it. */
    public void cancel(String owner, ObjectId uploadId, String clientAddress) {
        Upload upload = uploads.find(uploadId).filter(u -> AccountKey.same(u.owner(), owner) && !u.completed())
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

    /**
     * Makes the file of an upload whose every segment is stored: checks its SHA-256, inserts the file document
     * (only now does it appear in lists) and turns the upload into its completion record. Safe to run again, and
     * on two nodes at once: the file's id is the upload's, so only one insert wins and both answer the same file.
     */
    private StoredFile complete(Upload upload, String clientAddress) {
        String sha256 = digests.finish(upload);
        if (upload.sha256() != null && !upload.sha256().equals(sha256)) {
            discard(upload);
            activity.fire(Activity.of(Kind.UPLOAD_FAILED, upload.owner(), clientAddress, upload.name() + " (checksum)"));
            throw new FileChecksumException();
        }
        StoredFile file = toFile(upload, sha256);
        boolean inserted = files.insert(file);
        if (!inserted) {
            file = files.find(upload.id()).orElseThrow(FileNotFoundException::new);
        }
        uploads.markCompleted(upload.id());
        if (inserted) {
            activity.fire(Activity.of(Kind.UPLOAD_FINISHED, upload.owner(), clientAddress,
                    upload.name() + " (" + upload.size() + " bytes)"));
            stored.fire(new FileStored(file));
        }
        return file;
    }

    private StoredFile finishEmpty(Upload upload, String clientAddress) {
        if (upload.sha256() != null && !upload.sha256().equals(EMPTY_SHA256)) {
            uploads.delete(upload.id());
            throw new FileChecksumException();
        }
        StoredFile file = toFile(upload, EMPTY_SHA256);
        files.insert(file);
        uploads.markCompleted(upload.id());
        activity.fire(Activity.of(Kind.UPLOAD_FINISHED, upload.owner(), clientAddress, upload.name() + " (0 bytes)"));
        return file;
    }

    /** Removes the upload record first (no more segments are accepted), then its chunks, then its reservation. */
    private void discard(Upload upload) {
        digests.forget(upload.id());
        if (uploads.delete(upload.id())) {
            chunks.delete(upload.id(), upload.layout().chunkCount());
            usage.release(AccountKey.of(upload.owner()), upload.size());
        }
    }

    /** The file an upload makes, in its folder, or at the top of the drive if that folder was deleted meanwhile. */
    private StoredFile toFile(Upload upload, String sha256) {
        ObjectId folderId = upload.folderId() != null && folders.exists(upload.folderId()) ? upload.folderId() : null;
        return new StoredFile(upload.id(), upload.name(), upload.owner(), upload.size(), Instant.now(), sha256,
                upload.contentType(), upload.visibility(), upload.chunkSize(), null, folderId, List.of(), List.of());
    }

    private Instant expiry() {
        return Instant.now().plus(settings.uploadExpiry());
    }

    /** The same file from the same owner into the same folder: the same file put in two folders makes two files. */
    private String resumeKey(String ownerKey, String name, long size, long lastModified, String fingerprint,
                             ObjectId folderId) {
        MessageDigest sha = UploadDigests.sha256();
        String key = String.join("\u0000", ownerKey, name, Long.toString(size), Long.toString(lastModified),
                String.valueOf(fingerprint), Integer.toString(settings.segmentSize()))
                + (folderId == null ? "" : "\u0000" + folderId.toHexString());
        return HexFormat.of().formatHex(sha.digest(key.getBytes(StandardCharsets.UTF_8)));
    }

    static int crc32c(byte[] data, int offset, int length) {
        CRC32C crc = new CRC32C();
        crc.update(data, offset, length);
        return (int) crc.getValue();
    }

    /**
     * The declared media type in lower case, with its charset when it names one ("text/plain; charset=utf-8":
     * a preview needs it); other parameters are dropped, and anything unrecognisable is application/octet-stream.
     */
    static String contentType(String declared) {
        if (declared == null || declared.length() > 255) {
            return OCTET_STREAM;
        }
        String[] parts = declared.split(";");
        String type = parts[0].strip().toLowerCase(Locale.ROOT);
        if (!CONTENT_TYPE.matcher(type).matches()) {
            return OCTET_STREAM;
        }
        for (int i = 1; i < parts.length; i++) {
            String parameter = parts[i].strip().toLowerCase(Locale.ROOT).replace("\"", "");
            if (CHARSET.matcher(parameter).matches()) {
                return type + "; " + parameter;
            }
        }
        return type;
    }

    private static String lower(String hex) {
        return hex == null || hex.isEmpty() ? null : hex.toLowerCase(Locale.ROOT);
    }
}
