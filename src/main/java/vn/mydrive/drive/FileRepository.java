package vn.mydrive.drive;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.types.ObjectId;

/**
 * Whole, verified files: the drive's list. A file is added only once all its bytes are stored and checked, so the
 * list never shows a partial file. The store package keeps them as GridFS files.
 */
public interface FileRepository {

    /** @return false if a file with this id already exists (the upload was completed before) */
    boolean insert(StoredFile file);

    Optional<StoredFile> find(ObjectId id);

    /** One page of the files the query selects. */
    List<StoredFile> find(FileQuery query);

    /** How many files the query selects, all pages together. */
    long count(FileQuery query);

    void rename(ObjectId id, String name);

    void setVisibility(ObjectId id, Visibility visibility);

    /** Shares the file with one more account (by its key). @return false if it already was, or is gone */
    boolean addPerson(ObjectId id, String accountKey);

    /** Stops sharing the file with an account. @return false if it was not shared with it */
    boolean removePerson(ObjectId id, String accountKey);

    /** Stops sharing every file with an account (it is being deleted). */
    void removePersonEverywhere(String accountKey);

    /** Puts the file in a folder (null: the top of the drive). */
    void moveToFolder(ObjectId id, ObjectId folderId);

    /** How many files (not in the trash) are directly in the folder. */
    long countInFolder(ObjectId folderId);

    /** Moves every file in the folder, in the drive or the trash, to the top of its owner's drive. */
    void moveAllToTop(ObjectId folderId);

    /**
     * For each folder holding files (not in the trash) directly: how many and their bytes; the files are the owner's
     * anywhere, and anyone's in {@code othersAdd} (the owner's folders people they shared them with added files to).
     */
    Map<ObjectId, FolderTotals> totalsByFolder(String ownerKey, Collection<ObjectId> othersAdd);

    /**
     * Moves the file to the trash, remembering the names of the folders it was in ({@code from}, top first) and the
     * deleted folder it goes with ({@code with}; null when it is deleted on its own).
     * @return false if it was already there, or gone
     */
    boolean trash(ObjectId id, Instant at, List<String> from, TrashedFolder.Origin with);

    /** The deleted folders in the owner's trash, each with how many of the owner's files went with it. */
    List<TrashedFolder> trashedFolders(String ownerKey);

    /** Takes the file out of the trash. @return false if it was not in the trash */
    boolean restore(ObjectId id);

    /**
     * Removes the file's document if it went to the trash at or before {@code trashedBefore}; a file restored
     * meanwhile stays. @return false if it was not removed here (restored, not trashed, or removed by another node)
     */
    boolean deleteTrashed(ObjectId id, Instant trashedBefore);

    /** Removes the file's document wherever it is. @return false if it was already gone */
    boolean delete(ObjectId id);

    /** Up to {@code limit} files, of every owner, moved to the trash at or before {@code trashedBefore}. */
    List<StoredFile> trashedBefore(Instant trashedBefore, int limit);

    long count();

    // ---- files other GridFS clients wrote (docs/configuration.md, "A bucket shared with other tools")

    /**
     * Up to {@code limit} files, in id order after {@code after} (null: from the first), that this app did not
     * upload and the bucket check has not read yet: no {@code metadata.sha256}, not marked unreadable, and a
     * {@code metadata} that is absent or a document.
     */
    List<ForeignFile> unchecked(ObjectId after, int limit);

    long countUnchecked();

    /**
     * Records that a file another client wrote was read through and is whole: gives it what the list needs (the
     * metadata an upload writes, but its owner). @return false if a check had recorded it already
     */
    boolean recordChecked(StoredFile file);

    /** Marks a file another client wrote as unreadable, with why. @return false if it was recorded already */
    boolean recordUnreadable(ObjectId id, String reason);

    long countUnreadable();

    /** Up to {@code limit} checked files no account owns yet, in id order after {@code after} (null: the first). */
    List<ForeignFile> unowned(ObjectId after, int limit);

    long countUnowned();

    /**
     * How many checked files no account owns yet each top-level {@code owner} has, and their bytes (owner null:
     * none, blank or not a string), by owner, null first; counted by the store, without reading the files.
     */
    List<OwnerFiles> unownedByOwner();

    /**
     * Gives a checked file no account owns yet its owner, as an upload records one. Atomic per file, so of several
     * nodes (or runs) adopting it, one does. @return false if it had an owner already
     */
    boolean adopt(ObjectId id, String owner);
}
