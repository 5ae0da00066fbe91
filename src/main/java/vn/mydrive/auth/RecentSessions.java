package vn.mydrive.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Each account's session as this node last read it from the store, kept for a moment
 * ({@code mydrive.session.recheck-after}) so that a client's burst of API requests checks the store once, not
 * once per request: under load that round trip was most of a request's wait on the embedded store
 * (docs/benchmarks.md, "COVID lookup API under load"). Whoever changes a session on this node forgets the
 * account's entry, even one being read at that moment, so this node never serves a session it ended.
 */
@ApplicationScoped
class RecentSessions {

    /** Far more accounts than one node serves within a moment; only a bound against a flood of distinct tokens. */
    private static final long MOST_ACCOUNTS = 100_000;

    @Inject
    @ConfigProperty(name = "mydrive.session.recheck-after")
    Duration recheckAfter;

    /** The clock entries age by; a test's own one lets them age without waiting. */
    Ticker ticker = Ticker.systemTicker();

    private Cache<String, Optional<Session>> read;

    @PostConstruct
    void open() {
        // Upkeep runs on the calling request's thread: no thread outside the server's management.
        read = Caffeine.newBuilder().expireAfterWrite(recheckAfter).maximumSize(MOST_ACCOUNTS).ticker(ticker)
                .executor(Runnable::run).build();
    }

    /** The session read for {@code key} within the moment, or the one {@code store} reads now. */
    Optional<Session> find(String key, Function<String, Optional<Session>> store) {
        return recheckAfter.isZero() ? store.apply(key) : read.get(key, store);
    }

    /** Drops what was read for the account; a read under way is dropped when it ends. */
    void forget(String key) {
        read.invalidate(key);
    }
}
