package vn.mydrive.platform.events;

import java.time.Instant;

/**
 * A change in a connected client (one open MyDrive page or API client on the transfer socket), fired by the
 * feature holding the connection and kept by the monitor, so admins see who is connected and what they do.
 *
 * @param doing the transfer the client is busy with, or null when idle
 */
public record ClientPresence(String connectionId, Change change, String username, String address, Work doing,
                             Instant at) {

    /** What happened to the connection. */
    public enum Change { CONNECTED, ALIVE, BUSY, CLOSED_CLEANLY, DROPPED }

    /**
     * A transfer under way, as data: the monitor counts uploads and downloads by {@code kind}, and the page that
     * shows it words it in the reader's language.
     */
    public record Work(Kind kind, String file, int percent) {

        public enum Kind { UPLOADING, DOWNLOADING }
    }

    public static ClientPresence of(String connectionId, Change change, String username, String address, Work doing) {
        return new ClientPresence(connectionId, change, username, address, doing, Instant.now());
    }
}
