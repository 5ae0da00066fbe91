package vn.mydrive.auth;

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
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.mydrive.platform.store.MongoStore;

/**
 * Slows password guessing per account and per client address. Counters live in the store, so every node of a
 * cluster sees the same ones; a lost race only miscounts one attempt.
 */
@ApplicationScoped
class LoginThrottle {

    @Inject
    MongoStore store;

    @Inject
    @ConfigProperty(name = "mydrive.login.failures-per-account")
    int failuresPerAccount;

    @Inject
    @ConfigProperty(name = "mydrive.login.failures-per-address")
    int failuresPerAddress;

    @Inject
    @ConfigProperty(name = "mydrive.login.failure-window")
    Duration window;

    @Inject
    @ConfigProperty(name = "mydrive.login.first-lock")
    Duration firstLock;

    @Inject
    @ConfigProperty(name = "mydrive.login.longest-lock")
    Duration longestLock;

    private MongoCollection<Document> counters;

    @PostConstruct
    void open() {
        counters = store.collection("login_throttle");
    }

    /** The wait still to serve, if the account or the address is locked. */
    Optional<Duration> retryAfter(String accountKey, String address, Instant now) {
        Optional<Duration> account = load(accountId(accountKey)).retryAfter(now);
        Optional<Duration> fromAddress = load(addressId(address)).retryAfter(now);
        if (account.isPresent() && fromAddress.isPresent()) {
            return Optional.of(account.get().compareTo(fromAddress.get()) > 0 ? account.get() : fromAddress.get());
        }
        return account.isPresent() ? account : fromAddress;
    }

    void recordFailure(String accountKey, String address, Instant now) {
        record(accountId(accountKey), new ThrottleState.Rules(failuresPerAccount, window, firstLock, longestLock), now);
        record(addressId(address), new ThrottleState.Rules(failuresPerAddress, window, firstLock, longestLock), now);
    }

    void recordSuccess(String accountKey) {
        counters.deleteOne(eq("_id", accountId(accountKey)));
    }

    private void record(String id, ThrottleState.Rules rules, Instant now) {
        ThrottleState next = load(id).afterFailure(now, rules);
        counters.replaceOne(eq("_id", id), new Document("_id", id)
                        .append("failures", next.failures())
                        .append("windowStart", Date.from(next.windowStart()))
                        .append("lockedUntil", next.lockedUntil() == null ? null : Date.from(next.lockedUntil())),
                new ReplaceOptions().upsert(true));
    }

    private ThrottleState load(String id) {
        Document d = counters.find(eq("_id", id)).first();
        if (d == null) {
            return ThrottleState.NONE;
        }
        Date locked = d.getDate("lockedUntil");
        return new ThrottleState(d.getInteger("failures", 0), d.getDate("windowStart").toInstant(),
                locked == null ? null : locked.toInstant());
    }

    private static String accountId(String accountKey) {
        return "account:" + accountKey;
    }

    private static String addressId(String address) {
        return "address:" + address;
    }
}
