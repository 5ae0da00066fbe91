package vn.mydrive.monitor;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.CountAtBucket;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import vn.mydrive.platform.events.Activity;
import vn.mydrive.platform.events.ClientPresence;
import vn.mydrive.platform.events.ClientPresence.Work;
import vn.mydrive.platform.events.TransferMeasured;
import vn.mydrive.platform.events.TransferMeasured.Direction;

/**
 * This node's application metrics, each defined once as a Micrometer meter and fed only by the events features
 * fire; Micrometer writes them as Prometheus text ({@code GET /api/admin/metrics}), and the admin page reads the same
 * meters. Adding a metric is one meter here, fed by an event the feature already fires.
 */
@ApplicationScoped
public class MonitorMetrics {

    /** Bucket bounds of the segment-time histogram. */
    private static final Duration[] SEGMENT_BUCKETS = {Duration.ofMillis(1), Duration.ofMillis(2), Duration.ofMillis(5),
            Duration.ofMillis(10), Duration.ofMillis(20), Duration.ofMillis(50), Duration.ofMillis(100),
            Duration.ofMillis(200), Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(5)};

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Set<String> connected = ConcurrentHashMap.newKeySet();
    private final Map<String, Work.Kind> busy = new ConcurrentHashMap<>();
    private final Map<Activity.Kind, Counter> activities = new EnumMap<>(Activity.Kind.class);
    private final Map<Direction, Counter> bytes = new EnumMap<>(Direction.class);
    private final Map<Direction, Timer> segments = new EnumMap<>(Direction.class);

    public MonitorMetrics() {
        Gauge.builder("mydrive.connected.clients", connected, Set::size)
                .description("Clients with a live transfer connection on this node").register(registry);
        for (Work.Kind kind : Work.Kind.values()) {
            String name = kind == Work.Kind.UPLOADING ? "mydrive.uploads.active" : "mydrive.downloads.active";
            Gauge.builder(name, this, metrics -> metrics.active(kind))
                    .description("Connections " + kind.name().toLowerCase(Locale.ROOT) + " now").register(registry);
        }
        for (Activity.Kind kind : Activity.Kind.values()) {
            activities.put(kind, Counter.builder("mydrive.activity").tag("kind", kind.name().toLowerCase(Locale.ROOT))
                    .description("Logged actions since start, by kind").register(registry));
        }
        for (Direction direction : Direction.values()) {
            String tag = direction.name().toLowerCase(Locale.ROOT);
            bytes.put(direction, Counter.builder("mydrive.transfer.bytes").tag("direction", tag)
                    .description("File bytes moved since start").register(registry));
            segments.put(direction, Timer.builder("mydrive.segment").tag("direction", tag)
                    .description("Server time per segment").serviceLevelObjectives(SEGMENT_BUCKETS)
                    .register(registry));
        }
    }

    void count(@Observes Activity activity) {
        activities.get(activity.kind()).increment();
    }

    void track(@Observes ClientPresence change) {
        switch (change.change()) {
            case CONNECTED -> connected.add(change.connectionId());
            case BUSY -> {
                if (change.doing() == null) {
                    busy.remove(change.connectionId());
                } else {
                    busy.put(change.connectionId(), change.doing().kind());
                }
            }
            case CLOSED_CLEANLY, DROPPED -> {
                connected.remove(change.connectionId());
                busy.remove(change.connectionId());
            }
            default -> {
            }
        }
    }

    void measure(@Observes TransferMeasured segment) {
        bytes.get(segment.direction()).increment(segment.bytes());
        segments.get(segment.direction()).record(segment.nanos(), TimeUnit.NANOSECONDS);
    }

    /** Every metric in the Prometheus text exposition format. */
    public String prometheus() {
        return registry.scrape();
    }

    public long getConnectedClients() {
        return connected.size();
    }

    public long getActiveUploads() {
        return active(Work.Kind.UPLOADING);
    }

    public long getActiveDownloads() {
        return active(Work.Kind.DOWNLOADING);
    }

    private long active(Work.Kind kind) {
        return busy.values().stream().filter(k -> k == kind).count();
    }

    public long getBytesIn() {
        return (long) bytes.get(Direction.IN).count();
    }

    public long getBytesOut() {
        return (long) bytes.get(Direction.OUT).count();
    }

    public long getLoginsOk() {
        return activityCount(Activity.Kind.LOGIN);
    }

    public long getLoginsRefused() {
        return activityCount(Activity.Kind.LOGIN_REFUSED);
    }

    public long getLookups() {
        return activityCount(Activity.Kind.LOOKUP);
    }

    public long activityCount(Activity.Kind kind) {
        return (long) activities.get(kind).count();
    }

    /**
     * The bound (in milliseconds) of the histogram bucket a segment-time percentile falls in; -1 with no segments,
     * {@link Long#MAX_VALUE} beyond the last bucket.
     */
    public long segmentMillisPercentile(TransferMeasured.Direction direction, double percentile) {
        var snapshot = segments.get(direction).takeSnapshot();
        if (snapshot.count() == 0) {
            return -1;
        }
        double rank = Math.ceil(snapshot.count() * percentile);
        for (CountAtBucket bucket : snapshot.histogramCounts()) {
            if (bucket.count() >= rank) {
                return (long) bucket.bucket(TimeUnit.MILLISECONDS);
            }
        }
        return Long.MAX_VALUE;
    }
}
