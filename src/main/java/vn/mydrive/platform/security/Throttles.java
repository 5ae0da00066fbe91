package vn.mydrive.platform.security;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.ReplaceOptions;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import org.bson.Document;
import vn.mydrive.platform.store.MongoStore;

/**
 * {@link ThrottleState} counters kept in the store under a key each feature chooses ("account:alice",
 * "link-address:…"), so every node sees the same ones. A lost race between two nodes only miscounts one attempt,
 * which a throttle can afford.
 */
@ApplicationScoped
public class Throttles {

    @Inject
    MongoStore store;

    private MongoCollection<Document> counters;

    @PostConstruct
    void open() {
        counters = store.collection("login_throttle");
    }

    /** The wait still to serve under this key, if it is locked now. */
    public Optional<Duration> retryAfter(String key, Instant now) {
        return load(key).retryAfter(now);
    }

    /** Counts one more failure (or request) under the key. */
    public void record(String key, ThrottleState.Rules rules, Instant now) {
        ThrottleState next = load(key).afterFailure(now, rules);
        counters.replaceOne(eq("_id", key), new Document("_id", key)
                        .append("failures", next.failures())
                        .append("windowStart", Date.from(next.windowStart()))
                        .append("lockedUntil", next.lockedUntil() == null ? null : Date.from(next.lockedUntil())),
                new ReplaceOptions().upsert(true));
    }

    /** Forgets the key's count (a right password clears the budget it was tried under). */
    public void clear(String key) {
        counters.deleteOne(eq("_id", key));
    }

    /** The longer of two waits, or whichever there is. */
    public static Optional<Duration> longer(Optional<Duration> a, Optional<Duration> b) {
        if (a.isPresent() && b.isPresent()) {
            return Optional.of(a.get().compareTo(b.get()) > 0 ? a.get() : b.get());
        }
        return a.isPresent() ? a : b;
    }

    private ThrottleState load(String key) {
        Document d = counters.find(eq("_id", key)).first();
        if (d == null) {
            return ThrottleState.NONE;
        }
        Date locked = d.getDate("lockedUntil");
        return new ThrottleState(d.getInteger("failures", 0), d.getDate("windowStart").toInstant(),
                locked == null ? null : locked.toInstant());
    }
}
