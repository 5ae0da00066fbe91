package vn.mydrive.drive;

import java.time.Instant;
import org.bson.types.ObjectId;
import vn.mydrive.platform.security.AccountKey;

/**
 * A folder of one owner's drive: a document beside the GridFS files, which name it by id
 * ({@code metadata.folderId}).
 *
 * @param parentId the folder it is in, or null at the top of the drive
 */
public record Folder(ObjectId id, String name, String owner, ObjectId parentId, Instant createdAt) {

    public boolean isOwnedBy(String username) {
        return AccountKey.same(owner, username);
    }
}
