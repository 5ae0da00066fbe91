package vn.mydrive.auth;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Ends idle and expired sessions every minute, telling their holders why, and forgets old endings and devices.
 * A dead session is refused when read whether or not this has run; running it closes what is still open for
 * the session (its sockets) and keeps the collections small on stores that ignore TTL indexes.
 */
@Singleton
public class SessionSweeper {

    private static final Logger LOG = Logger.getLogger(SessionSweeper.class.getName());

    @Inject
    SessionService sessions;

    @Inject
    KnownDevices devices;

    @Schedule(hour = "*", minute = "*", persistent = false, info = "session sweep")
    void sweep() {
        Instant now = Instant.now();
        try {
            sessions.endIdle(now);
            devices.sweep(now);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Sweeping ended sessions failed; the next run tries again", e);
        }
    }
}
