package vn.mydrive.drive.store;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.DeleteOneModel;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.InsertManyOptions;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.bson.Document;
import org.bson.types.Binary;
import org.bson.types.ObjectId;
import vn.mydrive.drive.ChunkRepository;
import vn.mydrive.platform.store.DuplicateKeys;
import vn.mydrive.platform.store.MongoStore;

/**
 * File bytes as GridFS chunk documents ({@code fs.chunks}: files_id, n, data). Segments are written straight
 * into the final file's chunks, in any order and any number of times (the unique (files_id, n) index turns a
 * repeat into a no-op), and chunks are read and deleted one at a time by that exact key, which is indexed on
 * MongoDB and on the embedded store alike. Nothing here ever holds more than one segment of a file.
 */
@ApplicationScoped
public class MongoChunkRepository implements ChunkRepository {

    private static final int DELETE_BATCH = 500;

    @Inject
    MongoStore store;

    private MongoCollection<Document> chunks;

    @PostConstruct
    void open() {
        chunks = store.collection("fs.chunks");
        chunks.createIndex(Indexes.ascending("files_id", "n"), new IndexOptions().unique(true));
    }

    @Override
    public void write(ObjectId fileId, int firstChunk, byte[] data, int offset, int length, int chunkSize) {
        List<Document> documents = new ArrayList<>((length + chunkSize - 1) / chunkSize);
        for (int start = 0, n = firstChunk; start < length; start += chunkSize, n++) {
            int end = Math.min(length, start + chunkSize);
            documents.add(new Document("files_id", fileId)
                    .append("n", n)
                    .append("data", new Binary(Arrays.copyOfRange(data, offset + start, offset + end))));
        }
        if (documents.isEmpty()) {
            return;
        }
        try {
            chunks.insertMany(documents, new InsertManyOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            if (!DuplicateKeys.isDuplicateKey(e)) {
                throw e;
            }
        }
    }

    @Override
    public byte[] read(ObjectId fileId, int n) {
        Document chunk = chunks.find(new Document("files_id", fileId).append("n", n)).batchSize(1).first();
        return chunk == null ? null : chunk.get("data", Binary.class).getData();
    }

    @Override
    public void delete(ObjectId fileId, int chunkCount) {
        List<DeleteOneModel<Document>> batch = new ArrayList<>(DELETE_BATCH);
        for (int n = 0; n < chunkCount; n++) {
            batch.add(new DeleteOneModel<>(new Document("files_id", fileId).append("n", n)));
            if (batch.size() == DELETE_BATCH || n == chunkCount - 1) {
                chunks.bulkWrite(batch, new BulkWriteOptions().ordered(false));
                batch.clear();
            }
        }
    }
}
