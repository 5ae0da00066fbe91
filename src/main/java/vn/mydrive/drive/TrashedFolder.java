package vn.mydrive.drive;

import java.time.Instant;
import java.util.List;
import org.bson.types.ObjectId;

/**
 * A deleted folder as its owner's trash shows it: one item standing for the files that went to the trash with it (its
 * subfolders' too), restored or deleted for good together, as people expect of a drive's trash.
 *
 * @param id        the deleted folder's id (the folder's document is gone; its files keep the id)
 * @param path      the folder's names from the top of the drive down, its own name last
 * @param files     how many of the viewer's files went with it and are still in the trash
 * @param bytes     their size
 * @param trashedAt when it was deleted
 */
public record TrashedFolder(ObjectId id, List<String> path, long files, long bytes, Instant trashedAt) {

    public TrashedFolder {
        path = List.copyOf(path);
    }

    /** The folder's own name. */
    public String name() {
        return path.isEmpty() ? "" : path.get(path.size() - 1);
    }

    /** Which deleted folder files go to the trash with ({@code null}: a file deleted on its own). */
    public record Origin(ObjectId id, List<String> path) {

        public Origin {
            path = List.copyOf(path);
        }
    }
}
