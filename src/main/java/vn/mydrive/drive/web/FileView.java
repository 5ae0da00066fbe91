package vn.mydrive.drive.web;

import java.time.Instant;
import java.util.List;
import vn.mydrive.drive.StoredFile;

/**
 * A file as the API shows it; {@code trashedAt} only for a file in the trash, {@code folderId} only for one of the
 * viewer's own files in a folder (others' folders are theirs), {@code sharedWith} (who it is shared with by name)
 * only to its owner.
 */
public record FileView(String id, String name, String owner, long size, Instant uploadDate, String sha256,
                       String contentType, String visibility, boolean mine, Instant trashedAt, String folderId,
                       List<String> sharedWith) {

    static FileView of(StoredFile file, String viewer) {
        return new FileView(file.id().toHexString(), file.name(), file.owner(), file.size(), file.uploadDate(),
                file.sha256(), file.contentType(), file.visibility().wireName(), file.isOwnedBy(viewer),
                file.trashedAt(),
                file.folderId() != null && file.isOwnedBy(viewer) ? file.folderId().toHexString() : null,
                file.isOwnedBy(viewer) ? file.sharedWith() : null);
    }
}
