package vn.mydrive.monitor.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import vn.mydrive.monitor.ActivityEntry;
import vn.mydrive.monitor.ActivityLog;
import vn.mydrive.monitor.ConnectedClient;
import vn.mydrive.monitor.ConnectedClients;
import vn.mydrive.monitor.MonitorMetrics;
import vn.mydrive.monitor.ServerFacts;
import vn.mydrive.platform.events.Activity;
import vn.mydrive.platform.events.ClientPresence.Work;
import vn.mydrive.platform.events.TransferMeasured;
import vn.mydrive.platform.faces.Messages;
import vn.mydrive.platform.time.VietnamTime;

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
            .withZone(VietnamTime.ZONE);

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

    /** The kinds of activity for the filter: value the stable name, label the words people use. */
    public List<jakarta.faces.model.SelectItem> getKinds() {
        return Arrays.stream(Activity.Kind.values())
                .map(kind -> new jakarta.faces.model.SelectItem(kind.name(), kindLabel(kind.name()))).toList();
    }

    /** "signed in" for LOGIN: what happened, as people say it, in the reader's language. */
    public String kindLabel(String kind) {
        return Messages.text("activity.kind." + kind, kind);
    }

    /**
     * An entry's detail as people say it: a disconnect's reason ("closed the page", "connection lost") is
     * translated; other details (file names, lookups) are shown as they were written.
     */
    public String detail(ActivityEntry entry) {
        String detail = entry.detail();
        if (detail != null && entry.kind() != null && entry.kind().startsWith("DISCONNECT_")) {
            return Messages.text("activity.departure." + detail, detail);
        }
        return detail;
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

    /** "uploading a.jpg 45 %", in the reader's language; "idle" when there is nothing under way. */
    public String doing(Work work) {
        return work == null ? Messages.text("admin.idle", "idle")
                : Messages.text("admin.doing." + work.kind().name().toLowerCase(Locale.ROOT), work.kind().name(),
                        work.file(), work.percent());
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
