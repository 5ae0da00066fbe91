package vn.mydrive.platform.security;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Failures (sign-ins, link passwords) or requests counted for one key (an account, an address, a link) within a window. Past the allowed number, each
 * further failure locks for twice as long as the one before, up to a ceiling, and the lock always ends, so a
 * guesser is slowed to a crawl but the real owner is never shut out for good.
 */
public record ThrottleState(int failures, Instant windowStart, Instant lockedUntil) {

    /** The rules one counter follows. */
    public record Rules(int allowedFailures, Duration window, Duration firstLock, Duration longestLock) {
    }

    public static final ThrottleState NONE = new ThrottleState(0, null, null);

    public ThrottleState afterFailure(Instant now, Rules rules) {
        boolean windowOver = windowStart == null || !windowStart.plus(rules.window()).isAfter(now);
        int count = windowOver ? 1 : failures + 1;
        Instant start = windowOver ? now : windowStart;
        Instant lock = lockedUntil;
        if (count >= rules.allowedFailures()) {
            int doublings = Math.min(count - rules.allowedFailures(), 20);
            Duration length = rules.firstLock().multipliedBy(1L << doublings);
            lock = now.plus(length.compareTo(rules.longestLock()) > 0 ? rules.longestLock() : length);
        }
        return new ThrottleState(count, start, lock);
    }

    /** How long to wait before trying again, if locked now. */
    public Optional<Duration> retryAfter(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now)
                ? Optional.of(Duration.between(now, lockedUntil)) : Optional.empty();
    }
}
