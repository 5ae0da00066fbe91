package vn.mydrive.platform.events;

import java.time.Instant;

/**
 * Something a client did, as the activity log records it. Features fire it as a CDI event; the monitor
 * feature stores it, so no feature needs to know who listens.
 *
 * @param username the account, or {@code null} for an anonymous client
 * @param detail   what the action was about (a file name, a lookup, a refusal reason), may be {@code null}
 */
public record Activity(Kind kind, String username, String clientAddress, String detail, Instant at) {

    /** What happened. */
    public enum Kind {
        CONNECT, DISCONNECT_CLEAN, DISCONNECT_DROPPED,
        REGISTER, LOGIN, LOGIN_REFUSED, LOGOUT, SESSION_ENDED, ACCOUNT_DISABLED, ACCOUNT_ENABLED, ACCOUNT_DELETED,
        LOOKUP, UPLOAD_STARTED, UPLOAD_FINISHED, UPLOAD_FAILED, DOWNLOAD, MOVE, SHARE, TRASH, RESTORE, DELETE, PURGE, REMOVED_BY_ADMIN,
        FILES_ADOPTED, FILES_ASSIGNED, REFRESH_OK, REFRESH_FAILED
    }

    public static Activity of(Kind kind, String username, String clientAddress, String detail) {
        return new Activity(kind, username, clientAddress, detail, Instant.now());
    }
}
