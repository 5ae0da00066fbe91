package vn.mydrive.drive;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.logging.Logger;
import org.bson.types.ObjectId;
import vn.mydrive.drive.DriveExceptions.FileNotFoundException;
import vn.mydrive.drive.DriveExceptions.NotOwnerException;
import vn.mydrive.platform.events.Activity.Kind;
import vn.mydrive.platform.events.Activity;
import vn.mydrive.platform.security.AccountDirectory;
import vn.mydrive.platform.security.AccountKey;

/**
 * The stored files as their viewers may see and change them: who sees a file is {@link StoredFile#isVisibleTo}'s
 * rule, checked here for every caller (REST, socket, pages), and only owners rename, move, share, trash, restore or
 * delete. A file someone may
 * not see, or one in the trash, is answered exactly like one that does not exist; only its owner finds it in
 * the trash.
 */
@ApplicationScoped
public class FileService {

    private static final Logger LOG = Logger.getLogger(FileService.class.getName());

    /** Files handled per query when emptying or purging the trash: bounded memory, whatever the trash holds. */
    private static final int PURGE_BATCH = 100;

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
    FolderService folders;

    @Inject
    LinkRepository links;

    @Inject
    AccountDirectory accounts;

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
        return files.find(parseId(id)).filter(f -> canSee(viewer, f)).orElseThrow(FileNotFoundException::new);
    }

    /**
     * The one rule of who sees a file, for every way in: {@link StoredFile#isVisibleTo}, or, in the drive, it is in
     * a folder the viewer may open (their own folder, whoever added the file, or one shared with them here or above).
     */
    private boolean canSee(String viewer, StoredFile file) {
        return file.isVisibleTo(viewer)
                || (!file.isTrashed() && file.folderId() != null && folders.access(viewer, file.folderId()).canView());
    }

    /** Every one of the files, in the order given, or not found if the viewer may not see any one of them. */
    public List<StoredFile> getAll(String viewer, List<String> ids) {
        return ids.stream().map(id -> get(viewer, id)).toList();
    }

    /** Records that several files were downloaded at once (a zip). */
    public void downloaded(List<StoredFile> several, String viewer, String clientAddress) {
        downloaded(several.size() + " file(s) as a zip", viewer, clientAddress);
    }

    /** Records a download of something described in words (a folder's zip). */
    public void downloaded(String what, String viewer, String clientAddress) {
        activity.fire(Activity.of(Kind.DOWNLOAD, viewer, clientAddress, what));
    }

    public StoredFile rename(String viewer, String id, String newName) {
        StoredFile file = owned(viewer, id);
        String name = FileNames.check(newName);
        files.rename(file.id(), name);
        // Renamed, it is no longer the file that upload made: uploading that file again makes a new one.
        uploads.forgetCompleted(file.id());
        return get(viewer, id);
    }

    /** Moves one of the viewer's files into one of their folders ({@code folderId} null: the top of the drive). */
    public StoredFile moveTo(String viewer, String id, String folderId, String clientAddress) {
        StoredFile file = owned(viewer, id);
        Folder target = folderId == null ? null : folders.writable(viewer, folderId);
        files.moveToFolder(file.id(), target == null ? null : target.id());
        activity.fire(Activity.of(Kind.MOVE, viewer, clientAddress,
                file.name() + " → " + (target == null ? "/" : folders.pathText(target.owner(), target.id()))));
        return get(viewer, id);
    }

    public StoredFile setVisibility(String viewer, String id, Visibility visibility, String clientAddress) {
        StoredFile file = owned(viewer, id);
        files.setVisibility(file.id(), visibility);
        if (file.visibility() != visibility) {
            activity.fire(Activity.of(Kind.SHARE, viewer, clientAddress, file.name() + " → " + visibility.wireName()));
        }
        return get(viewer, id);
    }

    /**
     * Shares one of the viewer's files with another account by its name: they then see it in every list (and in
     * "Shared with me"), open and download it, but change nothing. Sharing twice with one person changes nothing.
     * At most {@link PersonSharing#MOST_PEOPLE} people.
     */
    public StoredFile shareWith(String viewer, String id, String person, String clientAddress) {
        StoredFile file = owned(viewer, id);
        String name = PersonSharing.existingPerson(accounts, person);
        if (AccountKey.same(name, viewer) || file.isSharedWith(name)) {
            return file; // one's own file, or already shared with them: nothing to change
        }
        PersonSharing.roomForOneMore(file.sharedWith().size());
        if (files.addPerson(file.id(), AccountKey.of(name))) {
            activity.fire(Activity.of(Kind.SHARE, viewer, clientAddress, file.name() + " → " + AccountKey.of(name)));
        }
        return get(viewer, id);
    }

    /** Stops sharing one of the viewer's files with a person; not shared with them is not an error. */
    public StoredFile unshareWith(String viewer, String id, String person, String clientAddress) {
        StoredFile file = owned(viewer, id);
        if (person != null && files.removePerson(file.id(), AccountKey.of(person.strip()))) {
            activity.fire(Activity.of(Kind.SHARE, viewer, clientAddress,
                    file.name() + " ↛ " + AccountKey.of(person.strip())));
        }
        return get(viewer, id);
    }

    /**
     * Moves the file to its owner's trash: it leaves every list and link at once, keeps its bytes (and its place in
     * the quota) until it is restored, deleted for good, or purged after {@code mydrive.drive.trash-retention}.
     */
    public void trash(String viewer, String id, String clientAddress) {
        StoredFile file = owned(viewer, id);
        List<String> from = file.folderId() == null ? List.of() : folders.names(file.folderId());
        if (toTrash(file, Instant.now(), from, null)) {
            activity.fire(Activity.of(Kind.TRASH, viewer, clientAddress, file.name()));
        }
    }

    private boolean toTrash(StoredFile file, Instant at, List<String> from, TrashedFolder.Origin with) {
        if (!files.trash(file.id(), at, from, with)) {
            return false;
        }
        // In the trash, it is no longer the file that upload made: uploading that file again makes a new one.
        uploads.forgetCompleted(file.id());
        return true;
    }

    /**
     * Deletes one of the viewer's folders with everything in it: its files (its subfolders' too) go to the trash,
     * each remembering the folders it was in, and the folders go. Restoring one of the files makes its folders again
     * ({@link #restore}). Files are taken a page at a time, so a folder of any size is handled in bounded memory.
     *
     * @return how many files went to the trash
     */
    public int trashFolder(String viewer, String folderId, String clientAddress) {
        List<FolderService.Subfolder> tree = folders.subtree(folders.owned(viewer, folderId));
        List<String> above = folders.names(tree.get(0).id());
        above = above.subList(0, above.size() - 1);
        Instant now = Instant.now();
        List<String> path = new java.util.ArrayList<>(above);
        path.addAll(tree.get(0).names());
        // The trash shows the folder as one item, restored or deleted for good as a whole.
        TrashedFolder.Origin origin = new TrashedFolder.Origin(tree.get(0).id(), path);
        int trashed = 0;
        for (FolderService.Subfolder folder : tree) {
            List<String> from = new java.util.ArrayList<>(above);
            from.addAll(folder.names());
            // Files others added to a folder shared with them go too, each to its uploader's trash.
            FileQuery inFolder = FileQuery.everyFileIn(folder.id(), FileQuery.Sort.UPLOAD_DATE, 0, PURGE_BATCH);
            // Each page leaves the folder as it is trashed, so the first page is always the next one.
            for (List<StoredFile> page = files.find(inFolder); !page.isEmpty(); page = files.find(inFolder)) {
                int before = trashed;
                for (StoredFile file : page) {
                    trashed += toTrash(file, now, from, origin) ? 1 : 0;
                }
                if (trashed == before) {
                    break; // another page is trashing the same folder: what is left is theirs
                }
            }
        }
        folders.removeTree(tree);
        activity.fire(Activity.of(Kind.TRASH, viewer, clientAddress,
                String.join("/", tree.get(0).names()) + "/ (" + trashed + " file(s))"));
        return trashed;
    }

    /**
     * Puts a file from the viewer's trash back in the drive, as it was (name, sharing, folder). If its folder was
     * deleted meanwhile, the folders it was in are made again by their names (or found, if made again already), so a
     * deleted folder comes back file by file as its files are restored.
     */
    public StoredFile restore(String viewer, String id, String clientAddress) {
        StoredFile file = inTrash(viewer, id);
        if (!putBack(viewer, file)) {
            throw new FileNotFoundException(); // restored or deleted meanwhile, from another page or device
        }
        activity.fire(Activity.of(Kind.RESTORE, viewer, clientAddress, file.name()));
        return get(viewer, id);
    }

    /**
     * Takes a file out of the trash to the folder it was in, made again by its names if it is gone.
     * @return false if it was no longer in the trash (restored or deleted meanwhile, from another page or device)
     */
    private boolean putBack(String viewer, StoredFile file) {
        if (!files.restore(file.id())) {
            return false;
        }
        if (file.folderId() != null && !folders.exists(file.folderId())) {
            files.moveToFolder(file.id(), folders.ensurePath(viewer, file.trashedFrom()));
        }
        return true;
    }

    /** The folders the viewer deleted whose files are still in their trash, the last deleted first. */
    public List<TrashedFolder> trashedFolders(String viewer) {
        return files.trashedFolders(AccountKey.of(viewer));
    }

    /**
     * Puts back every file of the viewer's that went to the trash with a deleted folder, each where it was, making
     * the folders again by their names (as {@link #restore} does one file).
     *
     * @return how many files came back; not found when the viewer's trash holds none of that folder's
     */
    public int restoreFolder(String viewer, String deletedFolderId, String clientAddress) {
        TrashedFolder folder = trashedFolder(viewer, deletedFolderId);
        int restored = eachTrashedWith(viewer, folder, file -> putBack(viewer, file));
        activity.fire(Activity.of(Kind.RESTORE, viewer, clientAddress,
                String.join("/", folder.path()) + "/ (" + restored + " file(s))"));
        return restored;
    }

    /** Deletes for good every file of the viewer's that went to the trash with a deleted folder. @return how many */
    public int deleteFolderForever(String viewer, String deletedFolderId, String clientAddress) {
        TrashedFolder folder = trashedFolder(viewer, deletedFolderId);
        Instant now = Instant.now();
        int erased = eachTrashedWith(viewer, folder, file -> erase(file, now));
        activity.fire(Activity.of(Kind.DELETE, viewer, clientAddress,
                String.join("/", folder.path()) + "/ (" + erased + " file(s))"));
        return erased;
    }

    private TrashedFolder trashedFolder(String viewer, String deletedFolderId) {
        ObjectId id = parseId(deletedFolderId);
        return trashedFolders(viewer).stream().filter(f -> f.id().equals(id)).findFirst()
                .orElseThrow(FileNotFoundException::new);
    }

    /**
     * Applies the action to each of the viewer's trashed files that went with the folder, a page at a time (each
     * page leaves the trash as it is handled, so the first page is always the next one). @return how many it did
     */
    private int eachTrashedWith(String viewer, TrashedFolder folder, java.util.function.Predicate<StoredFile> action) {
        FileQuery with = new FileQuery(AccountKey.of(viewer), FileQuery.Scope.TRASH, null, null,
                FileQuery.Sort.TRASHED_AT, true, 0, PURGE_BATCH, true, folder.id());
        int done = 0;
        for (List<StoredFile> page = files.find(with); !page.isEmpty(); page = files.find(with)) {
            int before = done;
            for (StoredFile file : page) {
                done += action.test(file) ? 1 : 0;
            }
            if (done == before) {
                break; // another page or node is doing the same: what is left is theirs
            }
        }
        return done;
    }

    /** Deletes a file in the viewer's trash for good. */
    public void deleteForever(String viewer, String id, String clientAddress) {
        StoredFile file = inTrash(viewer, id);
        if (!erase(file, Instant.now())) {
            throw new FileNotFoundException();
        }
        activity.fire(Activity.of(Kind.DELETE, viewer, clientAddress, file.name()));
    }

    /** Deletes every file in the viewer's trash for good. @return how many */
    public int emptyTrash(String viewer, String clientAddress) {
        Instant now = Instant.now();
        FileQuery all = new FileQuery(AccountKey.of(viewer), FileQuery.Scope.TRASH, null, null,
                FileQuery.Sort.TRASHED_AT, true, 0, PURGE_BATCH, false, null);
        int erased = 0;
        for (List<StoredFile> batch = files.find(all); !batch.isEmpty(); batch = files.find(all)) {
            int before = erased;
            for (StoredFile file : batch) {
                erased += erase(file, now) ? 1 : 0;
            }
            if (erased == before) {
                break; // another node or page is emptying the same trash; what is left is theirs
            }
        }
        if (erased > 0) {
            activity.fire(Activity.of(Kind.DELETE, viewer, clientAddress, erased + " file(s) from the trash"));
        }
        return erased;
    }

    /**
     * Deletes for good, of every owner, the files that went to the trash at or before {@code trashedBefore}.
     * Safe on several nodes at once: each file is removed by one of them only, and a file restored meanwhile stays.
     *
     * @return how many files this call removed
     */
    public int purgeTrashedBefore(Instant trashedBefore) {
        int purged = 0;
        for (List<StoredFile> batch = files.trashedBefore(trashedBefore, PURGE_BATCH); !batch.isEmpty();
                batch = files.trashedBefore(trashedBefore, PURGE_BATCH)) {
            int before = purged;
            for (StoredFile file : batch) {
                if (erase(file, trashedBefore)) {
                    purged++;
                    activity.fire(Activity.of(Kind.PURGE, file.owner(), null, file.name()));
                }
            }
            if (purged == before) {
                break;
            }
        }
        return purged;
    }

    /**
     * Removes any file at an admin's word (content that must go), private or in a trash too, by its id: for good,
     * not to its owner's trash.
     */
    public void remove(String admin, String id, String clientAddress) {
        StoredFile file = files.find(parseId(id)).orElseThrow(FileNotFoundException::new);
        if (!files.delete(file.id())) {
            throw new FileNotFoundException();
        }
        dropContent(file);
        activity.fire(Activity.of(Kind.REMOVED_BY_ADMIN, file.owner() == null ? admin : file.owner(), clientAddress,
                file.name() + " (by " + admin + ")"));
    }

    /**
     * Deletes for good every file of the owner, in the drive or the trash, and takes them off the files others
     * shared with them (their account is going).
     */
    public void removeEverythingOf(String owner) {
        String ownerKey = AccountKey.of(owner);
        files.removePersonEverywhere(ownerKey);
        for (FileQuery.Scope scope : List.of(FileQuery.Scope.MINE, FileQuery.Scope.TRASH)) {
            FileQuery query = new FileQuery(ownerKey, scope, null, null, FileQuery.Sort.UPLOAD_DATE, true, 0,
                    PURGE_BATCH, false, null);
            for (List<StoredFile> batch = files.find(query); !batch.isEmpty(); batch = files.find(query)) {
                for (StoredFile file : batch) {
                    if (files.delete(file.id())) {
                        dropContent(file);
                    }
                }
            }
        }
    }

    /**
     * Removes a trashed file's document (only if it is still in the trash since {@code trashedBefore}), then its
     * content. @return false if it was not removed here
     */
    private boolean erase(StoredFile file, Instant trashedBefore) {
        if (!files.deleteTrashed(file.id(), trashedBefore)) {
            return false;
        }
        dropContent(file);
        return true;
    }

    /**
     * What goes once a file's document is gone: its chunks, thumbnail and completed-upload record, and its bytes from
     * the owner's usage. The document goes first so that no list or download can reach a file whose chunks are going.
     */
    private void dropContent(StoredFile file) {
        links.deleteForFile(file.id());
        uploads.forgetCompleted(file.id());
        chunks.delete(file.id(), layout(file).chunkCount());
        thumbnails.delete(file.id());
        if (file.owner() != null) { // a file of another client's that nobody adopted counts against no quota
            usage.release(AccountKey.of(file.owner()), file.size());
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
     * Copies segment {@code index} of the file into {@code target} at {@code offset}. The segment may begin and end
     * inside chunks (a file stored by another client, in chunks of its own size).
     *
     * @return the number of bytes copied
     */
    public int readSegment(StoredFile file, int index, byte[] target, int offset) {
        SegmentLayout layout = layout(file);
        long start = layout.segmentStart(index);
        int length = layout.segmentLength(index);
        try {
            forEachPart(file, start, start + length - 1, (n, chunk, from, to) -> System.arraycopy(chunk, from, target,
                    (int) (offset + (long) n * file.chunkSize() + from - start), to - from));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return length;
    }

    /** Writes bytes {@code first} .. {@code last} (inclusive) of the file to {@code out}, a chunk at a time. */
    public void copyRange(StoredFile file, long first, long last, OutputStream out) throws IOException {
        forEachPart(file, first, last, (n, chunk, from, to) -> out.write(chunk, from, to - from));
    }

    /** The file's bytes as a stream, read a chunk at a time (for work that needs a stream, like thumbnails). */
    public InputStream open(StoredFile file) {
        return new StoredFileStream(n -> readChunk(file, n), layout(file).chunkCount());
    }

    /** Records that a download of the whole file began. */
    public void downloaded(StoredFile file, String viewer, String clientAddress) {
        activity.fire(Activity.of(Kind.DOWNLOAD, viewer, clientAddress, file.name()));
    }

    /** Bytes {@code from} (inclusive) to {@code to} (exclusive) of chunk {@code n}, read as {@code chunk}. */
    @FunctionalInterface
    private interface ChunkPart {
        void accept(int n, byte[] chunk, int from, int to) throws IOException;
    }

    private void forEachPart(StoredFile file, long first, long last, ChunkPart part) throws IOException {
        new ChunkSpan(file.size(), file.chunkSize()).forEach(first, last,
                (n, from, to) -> part.accept(n, readChunk(file, n), from, to));
    }

    /**
     * Chunk {@code n}, checked to be exactly as long as a well-formed file's chunk {@code n} is: a missing or wrong
     * chunk (the file was deleted while being read, or another client changed it) ends the read as not found, so
     * no wrong byte is ever sent.
     */
    private byte[] readChunk(StoredFile file, int n) {
        byte[] chunk = chunks.read(file.id(), n);
        int expected = new ChunkSpan(file.size(), file.chunkSize()).chunkLength(n);
        if (chunk == null || chunk.length != expected) {
            if (chunk != null) {
                LOG.warning(() -> "Chunk " + n + " of file " + file.id() + " holds " + chunk.length + " bytes, not "
                        + expected + ": the file is not served");
            }
            throw new FileNotFoundException();
        }
        return chunk;
    }

    /** A file in the viewer's own trash. */
    public StoredFile inTrash(String viewer, String id) {
        return files.find(parseId(id)).filter(f -> f.isTrashed() && f.isOwnedBy(viewer))
                .orElseThrow(FileNotFoundException::new);
    }

    /** One of the viewer's own files (in the drive), else not found or not the owner. */
    public StoredFile owned(String viewer, String id) {
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
