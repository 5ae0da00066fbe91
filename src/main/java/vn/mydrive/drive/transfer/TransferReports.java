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
import vn.mydrive.platform.events.ClientPresence;
import vn.mydrive.platform.events.ClientPresence.Change;
import vn.mydrive.platform.events.Departure;
import vn.mydrive.platform.events.TransferMeasured;

/**
 * Tells whoever listens (the monitor) what transfer connections do: connected, alive, busy with what, gone and
 * why, and how long each segment took. Progress is reported at most every two seconds per connection, so it
 * costs nothing on the segment path.
 *
 * <p>A page that says goodbye is not reported gone at once: moving from one page to the next closes one socket
 * and opens another under the same sign-in within a moment. If a socket of that sign-in opens within the grace
 * period, neither the goodbye nor the return is logged; otherwise the page was closed.
 */
@ApplicationScoped
class TransferReports {

    private static final long BUSY_REPORT_NANOS = 2_000_000_000L;
    static final Duration NAVIGATION_GRACE = Duration.ofSeconds(10);

    /** A goodbye waiting to see whether its page comes back. */
    private record Goodbye(String username, String address, Instant at) {
    }

    private final Map<String, Goodbye> goodbyes = new ConcurrentHashMap<>();

    @Inject
    Event<ClientPresence> presence;

    @Inject
    Event<Activity> activity;

    @Inject
    Event<TransferMeasured> measured;

    void connected(TransferConnection c) {
        presence.fire(ClientPresence.of(c.id(), Change.CONNECTED, c.username(), c.address(), null));
        if (goodbyes.remove(c.tokenId()) == null) {
            activity.fire(Activity.of(Kind.CONNECT, c.username(), c.address(), null));
        }
    }

    void alive(TransferConnection c) {
        presence.fire(ClientPresence.of(c.id(), Change.ALIVE, c.username(), c.address(), null));
    }

    /** Progress of a transfer, in words; reported now only if the last report is old enough (or it is done). */
    void busy(TransferConnection c, String doing, boolean finished) {
        long now = System.nanoTime();
        if (finished || c.reportDue(now, BUSY_REPORT_NANOS)) {
            presence.fire(ClientPresence.of(c.id(), Change.BUSY, c.username(), c.address(), finished ? null : doing));
        }
    }

    void closed(TransferConnection c, Departure departure) {
        presence.fire(ClientPresence.of(c.id(), departure.clean() ? Change.CLOSED_CLEANLY : Change.DROPPED,
                c.username(), c.address(), null));
        if (departure == Departure.CLOSED_PAGE) {
            goodbyes.put(c.tokenId(), new Goodbye(c.username(), c.address(), Instant.now()));
        } else {
            report(c.username(), c.address(), departure);
        }
    }

    /** Reports the goodbyes whose page did not come back within the grace period as closed pages. */
    void reportDepartures() {
        Instant cutoff = Instant.now().minus(NAVIGATION_GRACE);
        goodbyes.forEach((tokenId, goodbye) -> {
            if (goodbye.at().isBefore(cutoff) && goodbyes.remove(tokenId, goodbye)) {
                report(goodbye.username(), goodbye.address(), Departure.CLOSED_PAGE);
            }
        });
    }

    void segment(TransferMeasured.Direction direction, long bytes, long startedNanos) {
        measured.fire(new TransferMeasured(direction, bytes, System.nanoTime() - startedNanos));
    }

    private void report(String username, String address, Departure departure) {
        activity.fire(Activity.of(departure.clean() ? Kind.DISCONNECT_CLEAN : Kind.DISCONNECT_DROPPED, username,
                address, departure.code()));
    }
}
