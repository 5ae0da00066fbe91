package vn.mydrive.it;

import static org.junit.jupiter.api.Assertions.assertFalse;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.gridfs.GridFSBucket;
import com.mongodb.client.gridfs.GridFSBuckets;
import com.mongodb.client.gridfs.model.GridFSUploadOptions;
import java.io.ByteArrayInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import org.bson.Document;
import org.bson.types.Binary;
import org.bson.types.ObjectId;

/**
 * The deployed app's bucket written straight through the driver, as other GridFS clients write it (pymongo, an
 * older client, the original MyDrive), for the tests of files MyDrive did not upload itself.
 */
final class OtherGridFsClients implements AutoCloseable {

    /** GridFS's usual chunk size, which pymongo and the drivers use. */
    static final int GRIDFS_CHUNK = 255 * 1024;

    private final MongoClient store = EmbeddedStore.connect();
    private final MongoDatabase db = store.getDatabase("mydrive");

    MongoDatabase db() {
        return db;
    }

    /** As pymongo's {@code fs.put(data, filename=name, owner=owner)}: 255 KiB chunks, owner at the top level. */
    ObjectId pymongoPut(byte[] data, String name, String owner) {
        GridFSBucket bucket = GridFSBuckets.create(db);
        ObjectId id = bucket.uploadFromStream(name, new ByteArrayInputStream(data),
                new GridFSUploadOptions().chunkSizeBytes(GRIDFS_CHUNK));
        Document extra = new Document();
        if (name.endsWith(".jpg")) {
            extra.append("contentType", "image/jpeg");
        }
        if (owner != null) {
            extra.append("owner", owner);
        }
        if (!extra.isEmpty()) {
            db.getCollection("fs.files").updateOne(new Document("_id", id), new Document("$set", extra));
        }
        assertFalse(fileDocument(id).containsKey("metadata"));
        return id;
    }

    /**
     * As an older client wrote files: its own chunk size, {@code length} as int32, an {@code md5} (when asked), no
     * uploadDate, no contentType, no metadata.
     */
    ObjectId oldClientPut(byte[] data, String name, int chunkSize, boolean withMd5) {
        ObjectId id = new ObjectId();
        MongoCollection<Document> chunks = db.getCollection("fs.chunks");
        for (int n = 0, start = 0; start < data.length; n++, start += chunkSize) {
            chunks.insertOne(new Document("files_id", id).append("n", n)
                    .append("data", new Binary(Arrays.copyOfRange(data, start, Math.min(data.length, start + chunkSize)))));
        }
        Document file = new Document("_id", id).append("length", data.length).append("chunkSize", chunkSize)
                .append("filename", name);
        if (withMd5) {
            file.append("md5", digest("MD5", data));
        }
        db.getCollection("fs.files").insertOne(file);
        return id;
    }

    Document fileDocument(ObjectId id) {
        return db.getCollection("fs.files").find(new Document("_id", id)).first();
    }

    static String digest(String algorithm, byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        store.close();
    }
}
