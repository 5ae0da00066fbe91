package vn.mydrive.auth;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import java.time.Instant;

/**
 * Deletes ended sessions every minute. Correctness does not depend on it (a dead session is refused when
 * read); it keeps the collection small on stores that ignore TTL indexes, such as the embedded one.
 */
@Singleton
public class SessionSweeper {

    @Inject
    SessionStore sessions;

    @Inject
    SessionPolicy policy;

    @Schedule(hour = "*", minute = "*", persistent = false, info = "session sweep")
    void sweep() {
        Instant now = Instant.now();
        sessions.sweep(now, policy.idleCutoff(now));
    }
}
