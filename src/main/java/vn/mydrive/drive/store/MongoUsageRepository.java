package vn.mydrive.drive.store;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Updates;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.bson.Document;
import vn.mydrive.drive.UsageRepository;
import vn.mydrive.platform.store.DuplicateKeys;
import vn.mydrive.platform.store.MongoStore;

/**
 * Bytes each account uses ({@code drive_usage}): its files plus its unfinished uploads, reserved in full when
 * an upload starts. Reserving is one conditional increment, so two uploads started at once on two nodes
 * cannot both squeeze under the quota.
 */
@ApplicationScoped
public class MongoUsageRepository implements UsageRepository {

    @Inject
    MongoStore store;

    private MongoCollection<Document> usage;

    @PostConstruct
    void open() {
        usage = store.collection("drive_usage");
    }

    @Override
    public boolean reserve(String ownerKey, long bytes, long quota) {
        if (bytes > quota) {
            return false;
        }
        if (bytes == 0) {
            return true;
        }
        try {
            usage.insertOne(new Document("_id", ownerKey).append("used", 0L));
        } catch (MongoWriteException e) {
            if (!DuplicateKeys.isDuplicateKey(e)) {
                throw e;
            }
        }
        return usage.updateOne(new Document("_id", ownerKey).append("used", new Document("$lte", quota - bytes)),
                Updates.inc("used", bytes)).getMatchedCount() == 1;
    }

    @Override
    public void release(String ownerKey, long bytes) {
        if (bytes > 0) {
            usage.updateOne(eq("_id", ownerKey), Updates.inc("used", -bytes));
        }
    }

    @Override
    public long total() {
        long sum = 0;
        for (Document d : usage.find()) {
            sum += ((Number) d.get("used")).longValue();
        }
        return sum;
    }

    @Override
    public long used(String ownerKey) {
        Document d = usage.find(eq("_id", ownerKey)).first();
        return d == null ? 0 : ((Number) d.get("used")).longValue();
    }
}
