package vn.mydrive.auth;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
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
@Startup
public class SessionSweeper {

    private static final Logger LOG = Logger.getLogger(SessionSweeper.class.getName());
    private static final long EVERY_MILLIS = 60_000;

    @Resource
    TimerService timers;

    @Inject
    SessionService sessions;

    @Inject
    KnownDevices devices;

    @PostConstruct
    void schedule() {
        timers.createIntervalTimer(EVERY_MILLIS, EVERY_MILLIS, new TimerConfig("session sweep", false));
    }

    @Timeout
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
