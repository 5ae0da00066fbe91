package vn.mydrive.monitor;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.annotation.Gauge;
import vn.mydrive.platform.events.Activity;
import vn.mydrive.platform.events.ClientPresence;
import vn.mydrive.platform.events.TransferMeasured;

/**
 * This node's application metrics, counted from the events features fire. Published two ways: as
 * Prometheus text by {@code GET /api/admin/metrics} (any server), and as MicroProfile Metrics gauges where the
 * server has MicroProfile Metrics (Payara: {@code /metrics} and its admin console).
 */
@ApplicationScoped
public class MonitorMetrics {

    /** Upper bounds of the segment-time histogram, in milliseconds. */
    static final long[] BUCKETS_MS = {1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 5000};

    private final Set<String> connected = ConcurrentHashMap.newKeySet();
    private final Map<String, String> busy = new ConcurrentHashMap<>();
    private final Map<Activity.Kind, AtomicLong> activities = new ConcurrentHashMap<>();
    private final AtomicLong bytesIn = new AtomicLong();
    private final AtomicLong bytesOut = new AtomicLong();
    private final AtomicLongArray segmentsIn = new AtomicLongArray(BUCKETS_MS.length + 1);
    private final AtomicLongArray segmentsOut = new AtomicLongArray(BUCKETS_MS.length + 1);

    void count(Activity activity) {
        activities.computeIfAbsent(activity.kind(), k -> new AtomicLong()).incrementAndGet();
    }

    void track(ClientPresence change) {
        switch (change.change()) {
            case CONNECTED -> connected.add(change.connectionId());
            case BUSY -> {
                if (change.doing() == null) {
                    busy.remove(change.connectionId());
                } else {
                    busy.put(change.connectionId(), change.doing());
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
        boolean in = segment.direction() == TransferMeasured.Direction.IN;
        (in ? bytesIn : bytesOut).addAndGet(segment.bytes());
        long millis = segment.nanos() / 1_000_000;
        int bucket = 0;
        while (bucket < BUCKETS_MS.length && millis > BUCKETS_MS[bucket]) {
            bucket++;
        }
        (in ? segmentsIn : segmentsOut).incrementAndGet(bucket);
    }

    @Gauge(name = "mydrive.connected.clients", unit = MetricUnits.NONE, absolute = true,
            description = "Clients with a live transfer connection on this node")
    public long getConnectedClients() {
        return connected.size();
    }

    @Gauge(name = "mydrive.uploads.active", unit = MetricUnits.NONE, absolute = true,
            description = "Connections uploading now")
    public long getActiveUploads() {
        return busy.values().stream().filter(d -> d.startsWith("uploading")).count();
    }

    @Gauge(name = "mydrive.downloads.active", unit = MetricUnits.NONE, absolute = true,
            description = "Connections downloading now")
    public long getActiveDownloads() {
        return busy.values().stream().filter(d -> d.startsWith("downloading")).count();
    }

    @Gauge(name = "mydrive.bytes.in", unit = MetricUnits.BYTES, absolute = true,
            description = "File bytes received since start")
    public long getBytesIn() {
        return bytesIn.get();
    }

    @Gauge(name = "mydrive.bytes.out", unit = MetricUnits.BYTES, absolute = true,
            description = "File bytes sent since start")
    public long getBytesOut() {
        return bytesOut.get();
    }

    @Gauge(name = "mydrive.logins.ok", unit = MetricUnits.NONE, absolute = true, description = "Sign-ins")
    public long getLoginsOk() {
        return activityCount(Activity.Kind.LOGIN);
    }

    @Gauge(name = "mydrive.logins.refused", unit = MetricUnits.NONE, absolute = true,
            description = "Refused sign-ins")
    public long getLoginsRefused() {
        return activityCount(Activity.Kind.LOGIN_REFUSED);
    }

    @Gauge(name = "mydrive.lookups", unit = MetricUnits.NONE, absolute = true, description = "COVID lookups")
    public long getLookups() {
        return activityCount(Activity.Kind.LOOKUP);
    }

    public long activityCount(Activity.Kind kind) {
        AtomicLong count = activities.get(kind);
        return count == null ? 0 : count.get();
    }

    /** Segment-time percentile in milliseconds (the bucket bound it falls under), or -1 with no segments. */
    public long segmentMillisPercentile(TransferMeasured.Direction direction, double percentile) {
        AtomicLongArray buckets = direction == TransferMeasured.Direction.IN ? segmentsIn : segmentsOut;
        long total = 0;
        for (int i = 0; i < buckets.length(); i++) {
            total += buckets.get(i);
        }
        if (total == 0) {
            return -1;
        }
        long rank = (long) Math.ceil(total * percentile);
        long seen = 0;
        for (int i = 0; i < buckets.length(); i++) {
            seen += buckets.get(i);
            if (seen >= rank) {
                return i < BUCKETS_MS.length ? BUCKETS_MS[i] : Long.MAX_VALUE;
            }
        }
        return Long.MAX_VALUE;
    }

    /** All metrics in the Prometheus text exposition format. */
    public String prometheus() {
        StringBuilder out = new StringBuilder();
        gauge(out, "mydrive_connected_clients", "Clients with a live transfer connection on this node",
                getConnectedClients());
        gauge(out, "mydrive_uploads_active", "Connections uploading now", getActiveUploads());
        gauge(out, "mydrive_downloads_active", "Connections downloading now", getActiveDownloads());
        counter(out, "mydrive_transfer_bytes_total", "File bytes moved since start",
                Map.of("direction=\"in\"", bytesIn.get(), "direction=\"out\"", bytesOut.get()));
        out.append("# HELP mydrive_activity_total Logged actions since start, by kind\n")
                .append("# TYPE mydrive_activity_total counter\n");
        for (Activity.Kind kind : Activity.Kind.values()) {
            out.append("mydrive_activity_total{kind=\"").append(kind.name().toLowerCase()).append("\"} ")
                    .append(activityCount(kind)).append('\n');
        }
        histogram(out, "in", segmentsIn);
        histogram(out, "out", segmentsOut);
        return out.toString();
    }

    private static void gauge(StringBuilder out, String name, String help, long value) {
        out.append("# HELP ").append(name).append(' ').append(help).append('\n')
                .append("# TYPE ").append(name).append(" gauge\n")
                .append(name).append(' ').append(value).append('\n');
    }

    private static void counter(StringBuilder out, String name, String help, Map<String, Long> values) {
        out.append("# HELP ").append(name).append(' ').append(help).append('\n')
                .append("# TYPE ").append(name).append(" counter\n");
        values.forEach((labels, value) -> out.append(name).append('{').append(labels).append("} ").append(value).append('\n'));
    }

    private static void histogram(StringBuilder out, String direction, AtomicLongArray buckets) {
        String name = "mydrive_segment_seconds";
        if ("in".equals(direction)) {
            out.append("# HELP ").append(name).append(" Server time per segment\n")
                    .append("# TYPE ").append(name).append(" histogram\n");
        }
        long cumulative = 0;
        for (int i = 0; i < buckets.length(); i++) {
            cumulative += buckets.get(i);
            String le = i < BUCKETS_MS.length ? Double.toString(BUCKETS_MS[i] / 1000.0) : "+Inf";
            out.append(name).append("_bucket{direction=\"").append(direction).append("\",le=\"").append(le)
                    .append("\"} ").append(cumulative).append('\n');
        }
        out.append(name).append("_count{direction=\"").append(direction).append("\"} ").append(cumulative).append('\n');
    }
}
