package vn.mydrive.monitor;

import vn.mydrive.platform.config.NodeName;
import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Sorts;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.faces.push.Push;
import jakarta.faces.push.PushContext;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.bson.Document;
import org.bson.types.ObjectId;
import vn.mydrive.platform.events.Activity;
import vn.mydrive.platform.store.MongoStore;

/**
 * The activity log, in the store ({@code activity}) so every node of a cluster writes to the same one.
 * Features fire {@link Activity} events; they are queued here and written in batches every second, so a
 * lookup or a sign-in never waits for the log. The queue is bounded: under a flood the oldest unwritten
 * entries are counted as lost rather than growing the heap. The log keeps the latest entries only.
 */
@ApplicationScoped
public class ActivityLog {

    private static final Logger LOG = Logger.getLogger(ActivityLog.class.getName());
    private static final int QUEUE = 10_000;
    private static final int KEPT = 50_000;
    private static final int DETAIL_CHARS = 300;

    @Inject
    MongoStore store;

    @Inject
    @Push(channel = "monitor")
    PushContext push;

    private final BlockingQueue<Document> pending = new ArrayBlockingQueue<>(QUEUE);
    private final AtomicLong lost = new AtomicLong();
    private MongoCollection<Document> log;

    @PostConstruct
    void open() {
        log = store.collection("activity");
    }

    void startWithApplication(@Observes @Initialized(jakarta.enterprise.context.ApplicationScoped.class) Object ignored) {
        // Created at start-up so no event is missed.
    }

    void record(@Observes Activity activity) {
        Document entry = new Document("_id", new ObjectId())
                .append("at", Date.from(activity.at()))
                .append("kind", activity.kind().name())
                .append("user", clip(activity.username(), 64))
                .append("address", clip(activity.clientAddress(), 64))
                .append("detail", clip(activity.detail(), DETAIL_CHARS))
                .append("node", NodeName.get());
        while (!pending.offer(entry)) {
            pending.poll();
            lost.incrementAndGet();
        }
    }

    /** Writes what is queued; called every second by {@link MonitorTimers}. */
    void flush() {
        List<Document> batch = new ArrayList<>();
        pending.drainTo(batch);
        if (batch.isEmpty()) {
            return;
        }
        try {
            log.insertMany(batch);
            push.send("activity");
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not write " + batch.size() + " activity entries", e);
        }
    }

    /** Deletes all but the newest entries. */
    void trim() {
        long count = log.estimatedDocumentCount();
        if (count > KEPT) {
            Document oldestKept = log.find().sort(Sorts.descending("_id")).skip(KEPT).limit(1).first();
            if (oldestKept != null) {
                log.deleteMany(new Document("_id", new Document("$lte", oldestKept.getObjectId("_id"))));
            }
        }
    }

    /**
     * The newest entries first.
     *
     * @param username only this user's (exact, case-insensitive), or null
     * @param kind     only this kind, or null
     */
    public List<ActivityEntry> newest(String username, String kind, int limit) {
        Document filter = new Document();
        if (username != null && !username.isBlank()) {
            filter.append("user", new Document("$regex", "^" + java.util.regex.Pattern.quote(username.strip()) + "$")
                    .append("$options", "i"));
        }
        if (kind != null && !kind.isBlank()) {
            filter.append("kind", kind);
        }
        return log.find(filter).sort(Sorts.descending("_id")).limit(limit).batchSize(limit)
                .map(ActivityLog::toEntry).into(new ArrayList<>());
    }

    public long lost() {
        return lost.get();
    }

    public ActivityEntry find(String id) {
        Document d = ObjectId.isValid(id) ? log.find(eq("_id", new ObjectId(id))).first() : null;
        return d == null ? null : toEntry(d);
    }

    private static ActivityEntry toEntry(Document d) {
        return new ActivityEntry(d.getObjectId("_id").toHexString(), d.getDate("at").toInstant(), d.getString("kind"),
                d.getString("user"), d.getString("address"), d.getString("detail"), d.getString("node"));
    }

    private static String clip(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max) + "...";
    }
}
