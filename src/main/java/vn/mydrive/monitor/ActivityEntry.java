package vn.mydrive.monitor;

import java.time.Instant;

/** One line of the activity log as admins read it. */
public record ActivityEntry(String id, Instant at, String kind, String username, String address, String detail,
                            String node) {
}
