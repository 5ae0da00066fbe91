package vn.mydrive.drive;

import java.time.Instant;
import org.bson.types.ObjectId;
import vn.mydrive.platform.security.AccountKey;

/** A whole, verified file as the drive lists it (a GridFS {@code files} document). */
public record StoredFile(ObjectId id, String name, String owner, long size, Instant uploadDate, String sha256,
                         String contentType, Visibility visibility, int chunkSize) {

    public boolean isOwnedBy(String username) {
        return AccountKey.same(owner, username);
    }

    public boolean isVisibleTo(String username) {
        return visibility == Visibility.SHARED || isOwnedBy(username);
    }
}
