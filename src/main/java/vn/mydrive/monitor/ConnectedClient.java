package vn.mydrive.monitor;

import java.time.Instant;

/** A client with a live transfer connection, on any node. */
public record ConnectedClient(String connectionId, String username, String address, Instant since, Instant lastSeen,
                              String doing, String node) {
}
