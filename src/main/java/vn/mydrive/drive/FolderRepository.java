package vn.mydrive.drive;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.bson.types.ObjectId;

/**
 * Folders. A name is unique among its siblings, ignoring case (two folders "Ảnh" and "ảnh" side by side would
 * confuse anyone, and most disks they are downloaded to); the store enforces it, so two nodes creating the same
 * folder at once make one.
 */
public interface FolderRepository {

    /** @return false if the parent already holds a folder of that name */
    boolean insert(Folder folder);

    Optional<Folder> find(ObjectId id);

    /** Every folder of the owner: a drive's folders are few, and paths and moves are worked out from all of them. */
    List<Folder> allOf(String ownerKey);

    /** @return false if the parent already holds a folder of the new name */
    boolean rename(ObjectId id, String name);

    /** @return false if the new parent already holds a folder of its name */
    boolean move(ObjectId id, ObjectId parentId);

    /** @return false if it was already gone */
    boolean delete(ObjectId id);

    /**
     * Shares the folder with a person, to view or also to add files ({@code canAdd}); sharing again changes what
     * they may do. @return false if the folder was gone
     */
    boolean share(ObjectId id, String accountKey, boolean canAdd);

    /** @return false if it was not shared with them */
    boolean unshare(ObjectId id, String accountKey);

    /** The folders shared with a person by name (each with everything in it): their "Shared with me". */
    List<Folder> sharedWith(String accountKey);

    /** Records that someone other than the owner adds files to the folder (see {@link Folder#othersAdd()}). */
    void markOthersAdd(ObjectId id);

    /** Stops sharing every folder with a person whose account goes. */
    void unshareEverywhere(String accountKey);

    /**
     * Takes the owner's folder tree for one change of its shape (a folder moved), on every node: false while
     * another holds it. Held at most {@code lease}, so a node that dies holding it blocks nobody for long.
     */
    boolean lockTree(String ownerKey, String holder, Duration lease);

    void unlockTree(String ownerKey, String holder);
}
