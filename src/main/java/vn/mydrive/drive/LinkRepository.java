package vn.mydrive.drive;

import java.util.List;
import java.util.Optional;
import org.bson.types.ObjectId;

/** The public links, kept beside the files they point at (the store package keeps them in {@code fs.links}). */
public interface LinkRepository {

    void insert(Link link);

    Optional<Link> find(ObjectId id);

    Optional<Link> findByToken(String token);

    /** The file's links, newest first. */
    List<Link> forFile(ObjectId fileId);

    long countForFile(ObjectId fileId);

    /** The links to a folder, newest first. */
    List<Link> forFolder(ObjectId folderId);

    long countForFolder(ObjectId folderId);

    /** @return false if it was already gone */
    boolean delete(ObjectId id);

    /** The file is gone for good: so are its links. */
    void deleteForFile(ObjectId fileId);

    /** Counts one more whole download through the link. */
    void countDownload(ObjectId id);
}
