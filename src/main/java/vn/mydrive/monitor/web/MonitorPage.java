package vn.mydrive.monitor.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import vn.mydrive.monitor.ActivityEntry;
import vn.mydrive.monitor.ActivityLog;
import vn.mydrive.monitor.ConnectedClient;
import vn.mydrive.monitor.ConnectedClients;
import vn.mydrive.monitor.MonitorMetrics;
import vn.mydrive.monitor.ServerFacts;
import vn.mydrive.platform.events.Activity;
import vn.mydrive.platform.events.TransferMeasured;

/**
 * The monitoring part of the admin page: this server, who is connected, the activity log (filterable,
 * refreshed live), and transfer figures. The page also shows the sessions, drive totals and COVID refreshes
 * through those features' own beans.
 */
@Named
@ViewScoped
public class MonitorPage implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd-MM-yyyy HH:mm:ss")
            .withZone(ZoneId.of("Asia/Ho_Chi_Minh"));

    @Inject
    transient ConnectedClients clients;

    @Inject
    transient ActivityLog log;

    @Inject
    transient MonitorMetrics metrics;

    @Inject
    transient ServerFacts server;

    private String userFilter;
    private String kindFilter;

    public ServerFacts.Facts getServer() {
        return server.facts();
    }

    public List<ConnectedClient> getClients() {
        return clients.all();
    }

    public List<ActivityEntry> getActivity() {
        return log.newest(userFilter, kindFilter, 200);
    }

    public List<String> getKinds() {
        return Arrays.stream(Activity.Kind.values()).map(Enum::name).toList();
    }

    public MonitorMetrics getMetrics() {
        return metrics;
    }

    public String getSegmentTimes() {
        return "in p50 " + millis(TransferMeasured.Direction.IN, 0.5) + ", p99 " + millis(TransferMeasured.Direction.IN, 0.99)
                + "; out p50 " + millis(TransferMeasured.Direction.OUT, 0.5) + ", p99 "
                + millis(TransferMeasured.Direction.OUT, 0.99);
    }

    private String millis(TransferMeasured.Direction direction, double percentile) {
        long value = metrics.segmentMillisPercentile(direction, percentile);
        return value < 0 ? "-" : value == Long.MAX_VALUE ? "> 5 s" : "≤ " + value + " ms";
    }

    public String format(Instant instant) {
        return instant == null ? "" : TIME.format(instant);
    }

    public String getUserFilter() {
        return userFilter;
    }

    public void setUserFilter(String userFilter) {
        this.userFilter = userFilter == null || userFilter.length() > 64 ? null : userFilter;
    }

    public String getKindFilter() {
        return kindFilter;
    }

    public void setKindFilter(String kindFilter) {
        this.kindFilter = kindFilter;
    }
}
