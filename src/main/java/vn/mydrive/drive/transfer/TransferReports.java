package vn.mydrive.drive.transfer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import vn.mydrive.platform.events.Activity;
import vn.mydrive.platform.events.Activity.Kind;
import vn.mydrive.platform.events.ClientPresence.Work;
import vn.mydrive.platform.events.ClientPresence;
import vn.mydrive.platform.events.ClientPresence.Change;
import vn.mydrive.platform.events.Departure;
import vn.mydrive.platform.events.TransferMeasured;

/**
 * Tells whoever listens (the monitor) what transfer connections do: connected, alive, busy with what, gone and
 * why, and how long each segment took. Progress is reported at most every two seconds per connection, so it
 * costs nothing on the segment path.
 *
 * <p>Moving from one page to the next in a browser tab closes one socket and opens another from the same tab
 * within a moment, in either order (the servers run the old socket's close and the new one's open independently).
 * Browser pages name their tab ({@code ?tab=}, kept in the tab's session storage). A goodbye from a tab waits for
 * the grace period, and so does a connection from a tab that has another open; when the two meet within it, it was
 * a navigation and neither is reported; otherwise each is reported when its grace period ends. Clients that name no
 * tab are reported at once.
 */
@ApplicationScoped
class TransferReports {

    private static final long BUSY_REPORT_NANOS = 2_000_000_000L;
    static final Duration NAVIGATION_GRACE = Duration.ofSeconds(10);

    /** A goodbye, or an arrival, waiting to see whether it is half of a move from one page to the next. */
    private record Pending(String username, String address, Instant at) {
    }

    private final Map<String, Pending> goodbyes = new ConcurrentHashMap<>();
    private final Map<String, Pending> arrivals = new ConcurrentHashMap<>();

    @Inject
    Event<ClientPresence> presence;

    @Inject
    Event<Activity> activity;

    @Inject
    Event<TransferMeasured> measured;

    /** @param sameTabOpen whether another socket of the same tab is open (its page may be the one leaving) */
    void connected(TransferConnection c, boolean sameTabOpen) {
        presence.fire(ClientPresence.of(c.id(), Change.CONNECTED, c.username(), c.address(), null));
        if (c.tab() != null && goodbyes.remove(tabKey(c)) != null) {
            return;
        }
        if (c.tab() != null && sameTabOpen) {
            arrivals.put(tabKey(c), new Pending(c.username(), c.address(), Instant.now()));
        } else {
            activity.fire(Activity.of(Kind.CONNECT, c.username(), c.address(), null));
        }
    }

    void alive(TransferConnection c) {
        presence.fire(ClientPresence.of(c.id(), Change.ALIVE, c.username(), c.address(), null));
    }

    /** Progress of a transfer; reported now only if the last report is old enough (or it is done). */
    void busy(TransferConnection c, Work doing, boolean finished) {
        long now = System.nanoTime();
        if (finished || c.reportDue(now, BUSY_REPORT_NANOS)) {
            presence.fire(ClientPresence.of(c.id(), Change.BUSY, c.username(), c.address(), finished ? null : doing));
        }
    }

    void closed(TransferConnection c, Departure departure) {
        presence.fire(ClientPresence.of(c.id(), departure.clean() ? Change.CLOSED_CLEANLY : Change.DROPPED,
                c.username(), c.address(), null));
        if (departure == Departure.CLOSED_PAGE && c.tab() != null) {
            if (arrivals.remove(tabKey(c)) == null) {
                goodbyes.put(tabKey(c), new Pending(c.username(), c.address(), Instant.now()));
            }
        } else {
            report(c.username(), c.address(), departure);
        }
    }

    /** Reports what waited out its grace period alone: goodbyes as closed pages, arrivals as connections. */
    void reportPending() {
        Instant cutoff = Instant.now().minus(NAVIGATION_GRACE);
        goodbyes.forEach((tab, goodbye) -> {
            if (goodbye.at().isBefore(cutoff) && goodbyes.remove(tab, goodbye)) {
                report(goodbye.username(), goodbye.address(), Departure.CLOSED_PAGE);
            }
        });
        arrivals.forEach((tab, arrival) -> {
            if (arrival.at().isBefore(cutoff) && arrivals.remove(tab, arrival)) {
                activity.fire(Activity.of(Kind.CONNECT, arrival.username(), arrival.address(), null));
            }
        });
    }

    void segment(TransferMeasured.Direction direction, long bytes, long startedNanos) {
        measured.fire(new TransferMeasured(direction, bytes, System.nanoTime() - startedNanos));
    }

    /** A tab of one sign-in: the same tab id under another sign-in is another person's page. */
    private static String tabKey(TransferConnection c) {
        return c.tokenId() + "/" + c.tab();
    }

    private void report(String username, String address, Departure departure) {
        activity.fire(Activity.of(departure.clean() ? Kind.DISCONNECT_CLEAN : Kind.DISCONNECT_DROPPED, username,
                address, departure.code()));
    }
}
