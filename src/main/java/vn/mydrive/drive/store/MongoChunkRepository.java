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
import org.bson.BsonBinary;
import org.bson.BsonDocument;
import org.bson.Document;
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
    private MongoCollection<BsonDocument> rawChunks;

    @PostConstruct
    void open() {
        chunks = store.collection("fs.chunks");
        rawChunks = chunks.withDocumentClass(BsonDocument.class);
        chunks.createIndex(Indexes.ascending("files_id", "n"), new IndexOptions().unique(true));
    }

    @Override
    public void write(ObjectId fileId, int firstChunk, byte[] data, int offset, int length, int chunkSize) {
        List<Document> documents = new ArrayList<>((length + chunkSize - 1) / chunkSize);
        for (int start = 0, n = firstChunk; start < length; start += chunkSize, n++) {
            int end = Math.min(length, start + chunkSize);
            // A chunk that is the whole array (a segment received into an array of its own) is stored as it is, and
            // a BsonBinary keeps the array it is given, where a Binary copies it (issue 17's allocation profile).
            documents.add(new Document("files_id", fileId)
                    .append("n", n)
                    .append("data", new BsonBinary(offset + start == 0 && end - start == data.length ? data
                            : Arrays.copyOfRange(data, offset + start, offset + end))));
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
        // Read as a BsonDocument: its BsonBinary hands over the array the driver decoded, where a Document's Binary
        // copies it once when decoded and once more when read (two copies of every downloaded byte).
        BsonDocument chunk = rawChunks.find(new Document("files_id", fileId).append("n", n)).batchSize(1).first();
        // A chunk whose data is not binary (another client's broken file) reads as missing: the file is not served.
        return chunk != null && chunk.get("data") instanceof BsonBinary data ? data.getData() : null;
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
