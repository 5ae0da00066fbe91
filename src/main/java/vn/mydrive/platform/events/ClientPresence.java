package vn.mydrive.platform.events;

import java.time.Instant;

/**
 * A change in a connected client (one open MyDrive page or API client on the transfer socket), fired by the
 * feature holding the connection and kept by the monitor, so admins see who is connected and what they do.
 *
 * @param doing what the client is busy with, in words ("uploading a.jpg 45 %"), or null when idle
 */
public record ClientPresence(String connectionId, Change change, String username, String address, String doing,
                             Instant at) {

    /** What happened to the connection. */
    public enum Change { CONNECTED, ALIVE, BUSY, CLOSED_CLEANLY, DROPPED }

    public static ClientPresence of(String connectionId, Change change, String username, String address, String doing) {
        return new ClientPresence(connectionId, change, username, address, doing, Instant.now());
    }
}
