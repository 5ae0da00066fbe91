package vn.mydrive.covid;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.mydrive.covid.RefreshRun.Outcome;
import vn.mydrive.platform.concurrent.Workers;
import vn.mydrive.platform.config.NodeName;
import vn.mydrive.platform.events.Activity.Kind;
import vn.mydrive.platform.events.Activity;

/**
 * Keeps the COVID data current: shortly after start-up (without holding up the deployment) and then every
 * {@code mydrive.covid.refresh-interval}, it loads the bundled snapshot if the store has never had it, then
 * asks each configured source and keeps what it found. Runs never overlap, here or across a cluster (a lease
 * in the store), and every run is recorded. A source that fails changes nothing: the last good data stays.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class CovidRefresher {

    private static final Logger LOG = Logger.getLogger(CovidRefresher.class.getName());
    private static final Duration LEASE = Duration.ofMinutes(15);

    @Resource
    TimerService timers;

    @Resource(lookup = Workers.JNDI_NAME)
    ManagedExecutorService executor;

    @Inject
    CovidRepository store;

    @Inject
    CovidData data;

    @Inject
    CovidSources sources;

    @Inject
    jakarta.enterprise.event.Event<Activity> activity;

    @Inject
    @ConfigProperty(name = "mydrive.covid.refresh-interval")
    Duration interval;

    @Inject
    @ConfigProperty(name = "mydrive.covid.first-refresh-delay")
    Duration firstDelay;

    /** This node, in runs and in the lease. */
    private final String node = NodeName.get();
    private final AtomicBoolean running = new AtomicBoolean();

    @PostConstruct
    void schedule() {
        timers.createSingleActionTimer(firstDelay.toMillis(), new TimerConfig("covid first refresh", false));
        timers.createIntervalTimer(firstDelay.plus(interval).toMillis(), interval.toMillis(),
                new TimerConfig("covid refresh", false));
    }

    @Timeout
    void onTimer() {
        refresh();
    }

    /** Starts a refresh on the managed executor and returns at once ("refresh now" from the admin page). */
    public void refreshSoon() {
        executor.execute(this::refresh);
    }

    /** Runs a refresh now, unless one is already running; returns its runs. */
    public List<RefreshRun> refresh() {
        List<RefreshRun> runs = new ArrayList<>();
        if (!running.compareAndSet(false, true)) {
            return runs;
        }
        try {
            if (!store.takeLease(node, LEASE)) {
                runs.add(record("all", Instant.now(), Outcome.SKIPPED, 0, "Another node is refreshing"));
                data.reload();
                data.useSnapshotUntilStored();
                return runs;
            }
            try {
                loadSnapshotOnce(runs);
                for (CovidSource source : sources.enabled()) {
                    runs.add(run(source));
                }
            } finally {
                store.releaseLease(node);
                store.trimRuns();
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "COVID refresh failed", e);
        } finally {
            running.set(false);
        }
        return runs;
    }

    private void loadSnapshotOnce(List<RefreshRun> runs) {
        if (store.snapshotLoaded()) {
            if (!data.isLoaded()) {
                data.reload();
            }
            return;
        }
        Instant started = Instant.now();
        store.saveProvinces(SnapshotLoader.provinces());
        int inserted = store.insertMissing(SnapshotLoader.daily(), SnapshotLoader.SOURCE);
        store.markSnapshotLoaded();
        store.bumpVersion(SnapshotLoader.SOURCE, Instant.now());
        data.reload();
        runs.add(record(SnapshotLoader.SOURCE, started, Outcome.OK, inserted, "Loaded the bundled data set"));
    }

    private RefreshRun run(CovidSource source) {
        Instant started = Instant.now();
        try {
            CovidDataset current = data.current();
            SourceData found = source.fetch(current.provinces());
            int changed = apply(current, found, source.name());
            store.bumpVersion(source.name(), Instant.now());
            data.reload();
            return record(source.name(), started, Outcome.OK, changed,
                    found.daily().size() + " daily rows, " + found.totals().size() + " totals read");
        } catch (SourceException e) {
            return record(source.name(), started, Outcome.FAILED, 0, e.getMessage());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Refreshing from " + source.name() + " failed", e);
            return record(source.name(), started, Outcome.FAILED, 0, "Internal error: " + e);
        }
    }

    /** Writes only what differs from the data held now; a figure a source left out keeps its stored value. */
    private int apply(CovidDataset current, SourceData found, String source) {
        List<DailyFigure> changedDays = new ArrayList<>();
        for (DailyFigure figure : found.daily()) {
            Optional<DailyFigure> stored = current.day(figure.code(), figure.date());
            DailyFigure merged = new DailyFigure(figure.code(), figure.date(),
                    figure.newCases() != null ? figure.newCases() : stored.map(DailyFigure::newCases).orElse(null),
                    figure.newDeaths() != null ? figure.newDeaths() : stored.map(DailyFigure::newDeaths).orElse(null));
            if (stored.isEmpty() || !stored.get().equals(merged)) {
                changedDays.add(merged);
            }
        }
        List<ProvinceTotal> changedTotals = found.totals().stream()
                .filter(t -> current.reportedTotal(t.code()).map(r -> r.cases() != t.cases()
                        || !java.util.Objects.equals(r.deaths(), t.deaths())
                        || !java.util.Objects.equals(r.recovered(), t.recovered())).orElse(true))
                .toList();
        store.saveDaily(changedDays, source);
        store.saveTotals(changedTotals);
        return changedDays.size() + changedTotals.size();
    }

    private RefreshRun record(String source, Instant started, Outcome outcome, int rows, String message) {
        RefreshRun run = new RefreshRun(source, node, started, Instant.now(), outcome, rows, message);
        store.recordRun(run);
        if (outcome != Outcome.SKIPPED) {
            activity.fire(Activity.of(outcome == Outcome.OK ? Kind.REFRESH_OK : Kind.REFRESH_FAILED, null, node,
                    source + ": " + rows + " rows changed. " + message));
        }
        LOG.info(() -> "COVID refresh " + source + ": " + outcome + ", " + rows + " rows changed. " + message);
        return run;
    }
}
