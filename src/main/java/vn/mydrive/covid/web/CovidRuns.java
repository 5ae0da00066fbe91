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

    public void refreshNow() {
        refresher.refreshSoon();
        Messages.info("admin.refreshStarted");
    }
}
