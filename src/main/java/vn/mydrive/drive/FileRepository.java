package vn.mydrive.drive;

import java.util.List;
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

    /** @return false if it was already gone */
    boolean delete(ObjectId id);

    long count();
}
