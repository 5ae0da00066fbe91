package vn.mydrive.drive;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import org.bson.types.ObjectId;
import vn.mydrive.drive.DriveExceptions.FileNotFoundException;
import vn.mydrive.drive.DriveExceptions.NotOwnerException;
import vn.mydrive.platform.events.Activity.Kind;
import vn.mydrive.platform.events.Activity;
import vn.mydrive.platform.security.AccountKey;

/**
 * The stored files as their viewers may see and change them: everyone signed in sees shared files, owners
 * also see their private ones, and only owners rename, re-share or delete. A file someone may not see is
 * answered exactly like one that does not exist.
 */
@ApplicationScoped
public class FileService {

    @Inject
    FileRepository files;

    @Inject
    ChunkRepository chunks;

    @Inject
    UsageRepository usage;

    @Inject
    UploadRepository uploads;

    @Inject
    DriveSettings settings;

    @Inject
    ThumbnailRepository thumbnails;

    @Inject
    Event<Activity> activity;

    public Page<StoredFile> list(FileQuery query) {
        return new Page<>(files.find(query), files.count(query));
    }

    /** One page of the list, without counting the whole list (the table asks for the count separately). */
    public List<StoredFile> page(FileQuery query) {
        return files.find(query);
    }

    public long count(FileQuery query) {
        return files.count(query);
    }

    /** The file, if it exists and the viewer may see it. */
    public StoredFile get(String viewer, String id) {
        return files.find(parseId(id)).filter(f -> f.isVisibleTo(viewer)).orElseThrow(FileNotFoundException::new);
    }

    public StoredFile rename(String viewer, String id, String newName) {
        StoredFile file = owned(viewer, id);
        String name = FileNames.check(newName);
        files.rename(file.id(), name);
        // Renamed, it is no longer the file that upload made: uploading that file again makes a new one.
        uploads.forgetCompleted(file.id());
        return get(viewer, id);
    }

    public StoredFile setVisibility(String viewer, String id, Visibility visibility) {
        StoredFile file = owned(viewer, id);
        files.setVisibility(file.id(), visibility);
        return get(viewer, id);
    }

    /** Deletes the file: it leaves the list first, then its chunks go and its bytes leave the owner's usage. */
    public void delete(String viewer, String id, String clientAddress) {
        StoredFile file = owned(viewer, id);
        if (files.delete(file.id())) {
            uploads.forgetCompleted(file.id());
            chunks.delete(file.id(), layout(file).chunkCount());
            thumbnails.delete(file.id());
            usage.release(AccountKey.of(file.owner()), file.size());
            activity.fire(Activity.of(Kind.DELETE, viewer, clientAddress, file.name()));
        }
    }

    public long fileCount() {
        return files.count();
    }

    /** Bytes all accounts' files and unfinished uploads take. */
    public long storedBytes() {
        return usage.total();
    }

    /** Bytes the account's files and unfinished uploads take. */
    public long usedBy(String username) {
        return usage.used(AccountKey.of(username));
    }

    /** How the file is cut for sending: the configured segment size, in whole chunks of the file's chunk size. */
    public SegmentLayout layout(StoredFile file) {
        return SegmentLayout.of(file.size(), settings.segmentSize(), file.chunkSize());
    }

    /**
     * Copies segment {@code index} of the file into {@code target} at {@code offset}.
     *
     * @return the number of bytes copied
     */
    public int readSegment(StoredFile file, int index, byte[] target, int offset) {
        SegmentLayout layout = layout(file);
        int copied = 0;
        for (int n = layout.firstChunk(index), end = n + layout.chunkCount(index); n < end; n++) {
            byte[] chunk = readChunk(file, n);
            System.arraycopy(chunk, 0, target, offset + copied, chunk.length);
            copied += chunk.length;
        }
        return copied;
    }

    /** Writes bytes {@code first} .. {@code last} (inclusive) of the file to {@code out}, a chunk at a time. */
    public void copyRange(StoredFile file, long first, long last, OutputStream out) throws IOException {
        int chunkSize = file.chunkSize();
        for (int n = (int) (first / chunkSize); n <= last / chunkSize; n++) {
            byte[] chunk = readChunk(file, n);
            long chunkStart = (long) n * chunkSize;
            int from = (int) Math.max(0, first - chunkStart);
            int to = (int) Math.min(chunk.length, last - chunkStart + 1);
            out.write(chunk, from, to - from);
        }
    }

    /** The file's bytes as a stream, read a chunk at a time (for work that needs a stream, like thumbnails). */
    public InputStream open(StoredFile file) {
        return new StoredFileStream(n -> readChunk(file, n), layout(file).chunkCount());
    }

    /** Records that a download of the whole file began. */
    public void downloaded(StoredFile file, String viewer, String clientAddress) {
        activity.fire(Activity.of(Kind.DOWNLOAD, viewer, clientAddress, file.name()));
    }

    private byte[] readChunk(StoredFile file, int n) {
        byte[] chunk = chunks.read(file.id(), n);
        if (chunk == null) {
            // The file was deleted while being read.
            throw new FileNotFoundException();
        }
        return chunk;
    }

    private StoredFile owned(String viewer, String id) {
        StoredFile file = get(viewer, id);
        if (!file.isOwnedBy(viewer)) {
            throw new NotOwnerException();
        }
        return file;
    }

    /** An id from a client; anything that is not one names no file. */
    public static ObjectId parseId(String id) {
        if (id == null || !ObjectId.isValid(id)) {
            throw new FileNotFoundException();
        }
        return new ObjectId(id);
    }
}
