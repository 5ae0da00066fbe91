package vn.mydrive.drive.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import vn.mydrive.drive.BucketCheck;
import vn.mydrive.drive.OwnerFiles;
import vn.mydrive.platform.faces.Messages;
import vn.mydrive.platform.web.ApiException;
import vn.mydrive.platform.web.ClientAddresses;

/**
 * The admin page's section on files other GridFS clients wrote: the counts, the run under way (polled), "check now",
 * "adopt", and giving an unclaimed owner's files to an account.
 */
@Named
@RequestScoped
public class BucketAdmin {

    /** The value the owner menu gives to files with no owner at all (a top-level owner is never blank). */
    static final String NO_OWNER = "";

    @Inject
    BucketCheck bucket;

    @Inject
    ClientAddresses clientAddresses;

    private String owner;
    private String account;
    private List<OwnerFiles> unclaimed;

    public long getUnchecked() {
        return bucket.uncheckedCount();
    }

    public long getUnreadable() {
        return bucket.unreadableCount();
    }

    public long getUnowned() {
        return bucket.unownedCount();
    }

    /** Read once per request: the page asks for it three times (table, menu, whether to show them). */
    public List<OwnerFiles> getUnclaimed() {
        if (unclaimed == null) {
            unclaimed = bucket.unclaimed();
        }
        return unclaimed;
    }

    /** "adopting: 120 of 400 files", or null when no run is under way on this node. */
    public String getProgress() {
        BucketCheck.Progress progress = bucket.progress();
        return progress == null ? null
                : Messages.text("admin.bucket.progress." + progress.phase(), progress.phase(), progress.done(),
                        progress.total());
    }

    public BucketCheck.Report getLastRun() {
        return bucket.lastReport();
    }

    public void check() {
        bucket.start(BucketCheck.Kind.CHECK, asker());
        Messages.info("admin.bucket.started");
    }

    public void adopt() {
        bucket.start(BucketCheck.Kind.ADOPT, asker());
        Messages.info("admin.bucket.started");
    }

    public void assign() {
        String from = owner == null || owner.equals(NO_OWNER) ? null : owner;
        try {
            long given = bucket.assign(from, account, asker());
            unclaimed = null;
            Messages.info("admin.bucket.assigned", given, account == null ? "" : account.strip());
        } catch (ApiException e) {
            Messages.error(e);
        }
    }

    /** The admin looking at the page, as the activity log names who asked. */
    private BucketCheck.Asker asker() {
        HttpServletRequest request = (HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext()
                .getRequest();
        return new BucketCheck.Asker(DrivePage.viewer(), clientAddresses.of(request));
    }

    public String getOwner() {
        return owner;
    }

    public void setOwner(String owner) {
        this.owner = owner;
    }

    public String getAccount() {
        return account;
    }

    public void setAccount(String account) {
        this.account = account;
    }
}
