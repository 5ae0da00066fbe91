package vn.mydrive.platform.store;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import org.bson.Document;

/** Recognises a unique-index violation, which both MongoDB and the embedded store report the same way. */
public final class DuplicateKeys {

    private DuplicateKeys() {
    }

    /**
     * Inserts {@code document} unless one with the same unique key is stored: how "create if absent" is decided
     * race-free across nodes (the index, not a read before the write, decides).
     *
     * @return whether this call inserted it
     */
    public static boolean insertIfNew(MongoCollection<Document> collection, Document document) {
        try {
            collection.insertOne(document);
            return true;
        } catch (MongoWriteException e) {
            if (isDuplicateKey(e)) {
                return false;
            }
            throw e;
        }
    }

    public static boolean isDuplicateKey(RuntimeException e) {
        if (e instanceof MongoWriteException write) {
            return write.getError().getCategory() == ErrorCategory.DUPLICATE_KEY;
        }
        if (e instanceof MongoBulkWriteException bulk) {
            return bulk.getWriteErrors().stream()
                    .allMatch(error -> ErrorCategory.fromErrorCode(error.getCode()) == ErrorCategory.DUPLICATE_KEY);
        }
        return false;
    }
}
