package vn.mydrive.drive;

import java.time.Instant;
import org.bson.types.ObjectId;
import vn.mydrive.platform.security.AccountKey;

/**
 * A whole, verified file as the drive lists it (a GridFS {@code files} document).
 *
 * @param trashedAt when its owner moved it to the trash, or null while it is in the drive
 * @param folderId  the owner's folder it is in, or null at the top of the drive
 */
public record StoredFile(ObjectId id, String name, String owner, long size, Instant uploadDate, String sha256,
                         String contentType, Visibility visibility, int chunkSize, Instant trashedAt,
                         ObjectId folderId) {

    public boolean isOwnedBy(String username) {
        return AccountKey.same(owner, username);
    }

    /** In the drive (not in the trash) and shared, or the viewer's own. */
    public boolean isVisibleTo(String username) {
        return !isTrashed() && (visibility == Visibility.SHARED || isOwnedBy(username));
    }

    public boolean isTrashed() {
        return trashedAt != null;
    }
}
