package vn.mydrive.platform.events;

/**
 * Why a connected client went away, as an admin would say it. A clean departure is one the person meant
 * (signing out, closing the page, a session ended on purpose); a dropped one is the network's or the
 * device's doing. Page navigation is not a departure: the page that follows reconnects at once, and the
 * transfer feature reports neither the goodbye nor the return.
 */
public enum Departure {
    /** The person signed out. */
    SIGNED_OUT("signed_out", true),
    /** The account signed in on another device and took the session over. */
    SIGNED_IN_ELSEWHERE("signed_in_elsewhere", true),
    /** The session went idle. */
    IDLE("idle", true),
    /** An admin ended the session. */
    ENDED_BY_ADMIN("ended_by_admin", true),
    /** The person deleted their account. */
    ACCOUNT_DELETED("account_deleted", true),
    /** The session ended for a reason no longer known. */
    SESSION_ENDED("session_ended", true),
    /** The page (or client) said goodbye and did not come back: the tab or browser was closed. */
    CLOSED_PAGE("closed_page", true),
    /** The server closed the connection for breaking the protocol or a limit. */
    REFUSED("refused", true),
    /** The connection broke without a goodbye while the client was still showing life. */
    CONNECTION_LOST("connection_lost", false),
    /** The client stopped sending heartbeats; the server gave up on it. */
    HEARTBEAT_LOST("heartbeat_lost", false);

    private final String code;
    private final boolean clean;

    Departure(String code, boolean clean) {
        this.code = code;
        this.clean = clean;
    }

    public String code() {
        return code;
    }

    public boolean clean() {
        return clean;
    }

    /** The departure of a connection whose sign-in session ended with the given reason code. */
    public static Departure ofSessionEnd(String reasonCode) {
        for (Departure departure : values()) {
            if (departure.code.equals(reasonCode) && departure.ordinal() <= SESSION_ENDED.ordinal()) {
                return departure;
            }
        }
        return SESSION_ENDED;
    }
}
