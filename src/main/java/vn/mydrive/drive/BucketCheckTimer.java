package vn.mydrive.drive;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.Timer;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Runs the {@link BucketCheck} on every node: once shortly after start-up (an adoption when
 * {@code mydrive.drive.adopt-at-startup} is true, else a check), then a check every
 * {@code mydrive.drive.bucket-check-interval}, so files other clients put in the bucket are listed without anyone
 * asking. Non-persistent timers, no cluster set-up: the check is safe on several nodes at once.
 */
@Singleton
@Startup
public class BucketCheckTimer {

    /** The first run waits this long, so it never holds up the deployment. */
    private static final Duration FIRST_RUN = Duration.ofSeconds(5);

    @Resource
    TimerService timers;

    @Inject
    BucketCheck check;

    @Inject
    @ConfigProperty(name = "mydrive.drive.bucket-check-interval")
    Duration interval;

    @Inject
    @ConfigProperty(name = "mydrive.drive.adopt-at-startup")
    boolean adoptAtStartup;

    @PostConstruct
    void schedule() {
        timers.createSingleActionTimer(FIRST_RUN.toMillis(), new TimerConfig("first", false));
        timers.createIntervalTimer(FIRST_RUN.plus(interval).toMillis(), interval.toMillis(),
                new TimerConfig("bucket check", false));
    }

    @Timeout
    void run(Timer timer) {
        check.start("first".equals(timer.getInfo()) && adoptAtStartup ? BucketCheck.Kind.ADOPT : BucketCheck.Kind.CHECK,
                BucketCheck.Asker.START_UP);
    }
}
