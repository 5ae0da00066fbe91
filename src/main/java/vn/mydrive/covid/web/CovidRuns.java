package vn.mydrive.covid.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import vn.mydrive.covid.CovidRefresher;
import vn.mydrive.covid.CovidRepository;
import vn.mydrive.covid.RefreshRun;
import vn.mydrive.platform.faces.Messages;

/** The admin page's COVID refresh history, and its "refresh now" action. */
@Named
@RequestScoped
public class CovidRuns {

    @Inject
    CovidRepository store;

    @Inject
    CovidRefresher refresher;

    public List<RefreshRun> getRuns() {
        return store.recentRuns(20);
    }

    /**
     * Sources whose latest run failed, with its message: "portal: HTTP 500 from …". Shown as a warning over the
     * runs, since a source failing quietly for days is how figures go stale.
     */
    public List<String> getFailingSources() {
        java.util.Map<String, RefreshRun> latest = new java.util.LinkedHashMap<>();
        for (RefreshRun run : store.recentRuns(20)) {
            latest.putIfAbsent(run.source(), run);
        }
        return latest.values().stream().filter(run -> run.outcome() == RefreshRun.Outcome.FAILED)
                .map(run -> run.source() + ": " + run.message()).toList();
    }

    public void refreshNow() {
        refresher.refreshSoon();
        Messages.info("admin.refreshStarted");
    }
}
