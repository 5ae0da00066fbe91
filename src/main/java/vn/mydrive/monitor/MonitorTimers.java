package vn.mydrive.monitor;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.Timer;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Writes the queued activity every second, and trims the log and sweeps dead connections every minute. */
@Singleton
@Startup
public class MonitorTimers {

    private static final Logger LOG = Logger.getLogger(MonitorTimers.class.getName());
    private static final String FLUSH = "activity flush";

    @Resource
    TimerService timers;

    @Inject
    ActivityLog log;

    @Inject
    ConnectedClients clients;

    @PostConstruct
    void schedule() {
        timers.createIntervalTimer(1_000, 1_000, new TimerConfig(FLUSH, false));
        timers.createIntervalTimer(60_000, 60_000, new TimerConfig("monitor housekeeping", false));
    }

    @Timeout
    void run(Timer timer) {
        try {
            if (FLUSH.equals(timer.getInfo())) {
                log.flush();
            } else {
                log.trim();
                clients.sweep();
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Monitor housekeeping failed; the next run tries again", e);
        }
    }
}
