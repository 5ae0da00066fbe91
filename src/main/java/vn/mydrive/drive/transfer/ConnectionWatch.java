package vn.mydrive.drive.transfer;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Every second: closes this node's sockets whose sign-in session ended elsewhere in the cluster (so a session's
 * end reaches its sockets on every node within two seconds), lets go of clients that missed three heartbeats,
 * and reports what waited out its grace period alone (a page that said goodbye and did not come back, a page that
 * opened beside another of the same sign-in and stayed).
 */
@Singleton
@Startup
public class ConnectionWatch {

    private static final Logger LOG = Logger.getLogger(ConnectionWatch.class.getName());
    private static final long EVERY_MILLIS = 1_000;

    @Resource
    TimerService timers;

    @Inject
    OpenConnections connections;

    @Inject
    TransferReports reports;

    @Inject
    @ConfigProperty(name = "mydrive.transfer.heartbeat")
    Duration heartbeat;

    @PostConstruct
    void schedule() {
        timers.createIntervalTimer(EVERY_MILLIS, EVERY_MILLIS, new TimerConfig("transfer connection watch", false));
    }

    @Timeout
    void watch() {
        try {
            if (connections.count() > 0) {
                connections.closeEndedSessions();
                connections.closeSilent(heartbeat.multipliedBy(3));
            }
            reports.reportPending();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Watching transfer connections failed; the next run tries again", e);
        }
    }
}
