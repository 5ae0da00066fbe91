package vn.mydrive.drive;

import java.time.Instant;
import java.util.List;
import org.bson.types.ObjectId;
import vn.mydrive.platform.security.AccountKey;

/**
 * A whole, verified file as the drive lists it (a GridFS {@code files} document).
 *
 * @param owner     the account that owns it, or null for a file another GridFS client wrote that no account has been
 *                  given yet (docs/configuration.md, "A bucket shared with other tools")
 *
 * @param trashedAt when its owner moved it to the trash, or null while it is in the drive
 * @param folderId  the owner's folder it is in, or null at the top of the drive
 * @param sharedWith the account keys of the people its owner shared it with by name
 * @param trashedFrom for a file in the trash: the names of the folders it was in, from the top of the drive down,
 *                    so that restoring it can make them again if they went meanwhile (empty at the top)
 */
public record StoredFile(ObjectId id, String name, String owner, long size, Instant uploadDate, String sha256,
                         String contentType, Visibility visibility, int chunkSize, Instant trashedAt,
                         ObjectId folderId, List<String> sharedWith, List<String> trashedFrom) {

    public StoredFile {
        sharedWith = sharedWith == null ? List.of() : List.copyOf(sharedWith);
        trashedFrom = trashedFrom == null ? List.of() : List.copyOf(trashedFrom);
    }

    /** Whether the file is this account's; a file no account owns yet (another client's, not adopted) is nobody's. */
    public boolean isOwnedBy(String username) {
        return owner != null && username != null && AccountKey.same(owner, username);
    }

    /**
     * Who sees a file by the file alone (lists, details, downloads over HTTP and the socket, previews, zips): in the
     * drive (not in the trash), and shared with everyone signed in, or shared with the viewer by name, or theirs.
     * {@code FileService} adds the files in folders shared with the viewer; only owners change a file; public
     * links are checked by {@code LinkService}.
     */
    public boolean isVisibleTo(String username) {
        return !isTrashed() && (visibility == Visibility.SHARED || isOwnedBy(username) || isSharedWith(username));
    }

    public boolean isSharedWith(String username) {
        return sharedWith.contains(AccountKey.of(username));
    }

    public boolean isTrashed() {
        return trashedAt != null;
    }
}
