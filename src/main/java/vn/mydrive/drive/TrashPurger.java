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
 * Deletes for good the files that have been in the trash longer than {@code mydrive.drive.trash-retention},
 * every {@code mydrive.drive.trash-purge-interval}. Each node runs its own timer (non-persistent, no cluster
 * set-up needed); {@link FileService#purgeTrashedBefore} makes that safe, since each file is removed once.
 */
@Singleton
@Startup
public class TrashPurger {

    private static final Logger LOG = Logger.getLogger(TrashPurger.class.getName());

    @Resource
    TimerService timers;

    @Inject
    FileService files;

    @Inject
    DriveSettings settings;

    @Inject
    @ConfigProperty(name = "mydrive.drive.trash-purge-interval")
    Duration interval;

    @PostConstruct
    void schedule() {
        timers.createIntervalTimer(interval.toMillis(), interval.toMillis(), new TimerConfig("trash purge", false));
    }

    @Timeout
    void purge() {
        try {
            int purged = files.purgeTrashedBefore(Instant.now().minus(settings.trashRetention()));
            if (purged > 0) {
                LOG.info(() -> "Deleted " + purged + " file(s) kept in the trash past " + settings.trashRetention());
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Purging the trash failed; the next run tries again", e);
        }
    }
}
