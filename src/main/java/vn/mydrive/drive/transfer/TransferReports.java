package vn.mydrive.drive.transfer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import vn.mydrive.platform.events.Activity;
import vn.mydrive.platform.events.Activity.Kind;
import vn.mydrive.platform.events.ClientPresence;
import vn.mydrive.platform.events.ClientPresence.Change;
import vn.mydrive.platform.events.TransferMeasured;

/**
 * Tells whoever listens (the monitor) what transfer connections do: connected, alive, busy with what, gone
 * cleanly or dropped, and how long each segment took. Progress is reported at most every two seconds per
 * connection, so it costs nothing on the segment path.
 */
@ApplicationScoped
class TransferReports {

    private static final long BUSY_REPORT_NANOS = 2_000_000_000L;

    @Inject
    Event<ClientPresence> presence;

    @Inject
    Event<Activity> activity;

    @Inject
    Event<TransferMeasured> measured;

    void connected(TransferConnection c) {
        presence.fire(ClientPresence.of(c.id(), Change.CONNECTED, c.username(), c.address(), null));
        activity.fire(Activity.of(Kind.CONNECT, c.username(), c.address(), null));
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

    void closed(TransferConnection c, boolean clean, String how) {
        presence.fire(ClientPresence.of(c.id(), clean ? Change.CLOSED_CLEANLY : Change.DROPPED, c.username(),
                c.address(), null));
        activity.fire(Activity.of(clean ? Kind.DISCONNECT_CLEAN : Kind.DISCONNECT_DROPPED, c.username(), c.address(), how));
    }

    void segment(TransferMeasured.Direction direction, long bytes, long startedNanos) {
        measured.fire(new TransferMeasured(direction, bytes, System.nanoTime() - startedNanos));
    }
}
