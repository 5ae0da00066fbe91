package vn.mydrive.monitor;

import vn.mydrive.platform.config.NodeName;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.faces.push.Push;
import jakarta.faces.push.PushContext;
import jakarta.inject.Inject;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Date;
import java.util.Deque;
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
 * entries are counted as lost rather than growing the heap. The log keeps the latest entries only, trimmed by the
 * ids of the oldest ones (see {@link #trim}).
 */
@ApplicationScoped
public class ActivityLog {

    private static final Logger LOG = Logger.getLogger(ActivityLog.class.getName());
    private static final int QUEUE = 10_000;
    private static final int KEPT = 50_000;
    /** Ids per delete: a bounded request, answered from the {@code _id} index. */
    private static final int DELETE_BATCH = 1_000;
    private static final int DETAIL_CHARS = 300;

    @Inject
    MongoStore store;

    @Inject
    @Push(channel = "monitor")
    PushContext push;

    private final BlockingQueue<Document> pending = new ArrayBlockingQueue<>(QUEUE);
    private final AtomicLong lost = new AtomicLong();
    /** How many entries the log keeps; lowered by tests. */
    int kept = KEPT;
    /**
     * The ids of the entries this node knows of, oldest first: those in the log when it first trimmed, then those it
     * wrote. Null until that first trim.
     */
    private Deque<ObjectId> known;
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
            // Under the lock, so the first trim's reading of the log and a write cannot both count an entry.
            synchronized (this) {
                log.insertMany(batch);
                if (known != null) {
                    batch.forEach(entry -> known.addLast(entry.getObjectId("_id")));
                }
            }
            push.send("activity");
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not write " + batch.size() + " activity entries", e);
        }
    }

    /**
     * Deletes all but the newest entries, by id. Finding the oldest by sorting the whole log (as this did before) made
     * the embedded store read and sort every entry, holding hundreds of MB for seconds once the log was full, at
     * every run (docs/benchmarks.md, "COVID lookup API under load"); so the log is sorted once, at the first trim,
     * and from then on this node remembers the ids it writes. Several nodes each trim what they know of: the log
     * stays within {@code kept} entries per node.
     */
    void trim() {
        List<ObjectId> oldest = new ArrayList<>();
        synchronized (this) {
            if (known == null) {
                known = new ArrayDeque<>();
                log.find().projection(Projections.include("_id")).sort(Sorts.ascending("_id"))
                        .forEach(entry -> known.addLast(entry.getObjectId("_id")));
            }
            while (known.size() > kept) {
                oldest.add(known.pollFirst());
            }
        }
        for (int from = 0; from < oldest.size(); from += DELETE_BATCH) {
            log.deleteMany(in("_id", oldest.subList(from, Math.min(oldest.size(), from + DELETE_BATCH))));
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
