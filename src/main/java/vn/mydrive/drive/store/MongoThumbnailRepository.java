package vn.mydrive.drive.store;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.ReplaceOptions;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.bson.Document;
import org.bson.types.Binary;
import org.bson.types.ObjectId;
import vn.mydrive.drive.ThumbnailRepository;
import vn.mydrive.platform.store.MongoStore;

/**
 * Thumbnails in {@code fs.thumbnails}, one document per file under the file's {@code _id}: beside the bucket
 * rather than in {@code fs.files}, so listing files never carries them and other GridFS tools never see them.
 */
@ApplicationScoped
public class MongoThumbnailRepository implements ThumbnailRepository {

    @Inject
    MongoStore store;

    private MongoCollection<Document> thumbnails;

    @PostConstruct
    void open() {
        thumbnails = store.collection("fs.thumbnails");
    }

    @Override
    public void save(ObjectId fileId, byte[] png) {
        thumbnails.replaceOne(eq("_id", fileId), new Document("_id", fileId).append("png", new Binary(png)),
                new ReplaceOptions().upsert(true));
    }

    @Override
    public Optional<byte[]> find(ObjectId fileId) {
        return Optional.ofNullable(thumbnails.find(eq("_id", fileId)).first())
                .map(d -> d.get("png", Binary.class).getData());
    }

    @Override
    public void delete(ObjectId fileId) {
        thumbnails.deleteOne(eq("_id", fileId));
    }
}
