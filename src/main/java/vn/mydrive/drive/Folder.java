package vn.mydrive.drive;

import java.time.Instant;
import java.util.List;
import org.bson.types.ObjectId;
import vn.mydrive.platform.security.AccountKey;

/**
 * A folder of one owner's drive: a document beside the GridFS files, which name it by id
 * ({@code metadata.folderId}).
 *
 * @param parentId     the folder it is in, or null at the top of the drive
 * @param sharedWith   the account keys of the people its owner shared it with by name: they see everything in it and
 *                     in its subfolders
 * @param contributors those of {@code sharedWith} who may also add files to it (and to its subfolders)
 * @param othersAdd    whether someone other than its owner has added a file to it (set once, never cleared): only
 *                     such folders need their files counted beyond the owner's own
 */
public record Folder(ObjectId id, String name, String owner, ObjectId parentId, Instant createdAt,
                     List<String> sharedWith, List<String> contributors, boolean othersAdd) {

    public Folder {
        sharedWith = sharedWith == null ? List.of() : List.copyOf(sharedWith);
        contributors = contributors == null ? List.of() : List.copyOf(contributors);
    }

    /** A new folder, shared with nobody. */
    public Folder(ObjectId id, String name, String owner, ObjectId parentId, Instant createdAt) {
        this(id, name, owner, parentId, createdAt, List.of(), List.of(), false);
    }

    public boolean isOwnedBy(String username) {
        return AccountKey.same(owner, username);
    }

    /** What this folder's own shares give the person (not counting the folders it is in). */
    FolderAccess sharedAccessOf(String username) {
        String key = AccountKey.of(username);
        return contributors.contains(key) ? FolderAccess.ADD
                : sharedWith.contains(key) ? FolderAccess.VIEW : FolderAccess.NONE;
    }
}
