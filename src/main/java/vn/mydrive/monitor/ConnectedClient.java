package vn.mydrive.monitor;

import java.time.Instant;
import vn.mydrive.platform.events.ClientPresence.Work;

/** A client with a live transfer connection, on any node. */
public record ConnectedClient(String connectionId, String username, String address, Instant since, Instant lastSeen,
                              Work doing, String node) {
}
