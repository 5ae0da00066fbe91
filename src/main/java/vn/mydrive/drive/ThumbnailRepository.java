package vn.mydrive.drive;

import java.util.Optional;
import org.bson.types.ObjectId;

/** Small PNG pictures of image files, kept under the file's id and removed with it. */
public interface ThumbnailRepository {

    void save(ObjectId fileId, byte[] png);

    Optional<byte[]> find(ObjectId fileId);

    void delete(ObjectId fileId);
}
