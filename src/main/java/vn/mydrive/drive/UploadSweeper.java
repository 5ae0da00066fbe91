package vn.mydrive.drive;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Removes uploads that were abandoned (no segment for {@code mydrive.drive.upload-expiry}) and their chunks,
 * every {@code mydrive.drive.sweep-interval}. Real MongoDB could expire the upload documents by TTL, but not
 * their chunks, and the embedded store ignores TTL: so a timer does it everywhere.
 */
@Singleton
@Startup
public class UploadSweeper {

    private static final Logger LOG = Logger.getLogger(UploadSweeper.class.getName());

    @Resource
    TimerService timers;

    @Inject
    UploadService uploads;

    @Inject
    @ConfigProperty(name = "mydrive.drive.sweep-interval")
    Duration interval;

    @PostConstruct
    void schedule() {
        timers.createIntervalTimer(interval.toMillis(), interval.toMillis(), new TimerConfig("upload sweep", false));
    }

    @Timeout
    void sweep() {
        try {
            uploads.expire(Instant.now());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Sweeping expired uploads failed; the next run tries again", e);
        }
    }
}
