package vn.mydrive.platform.security;

import java.time.Instant;

/**
 * Why and when a sign-in session ended, as its former holder is told: a page that was pushed out says
 * "signed in on another device at 21:04 from 203.0.113.7" rather than silently landing on the sign-in page.
 *
 * @param reason  what ended it, a stable code (part of the API: 401 messages and WebSocket close reasons)
 * @param at      when
 * @param address the client address behind the ending (the other device, for {@link Reason#SIGNED_IN_ELSEWHERE}),
 *                or null
 */
public record SessionEnding(Reason reason, Instant at, String address) {

    /** What ends a session. */
    public enum Reason {
        /** The session's holder signed out (from any of its pages or clients). */
        SIGNED_OUT("signed_out"),
        /** The account signed in on another client, taking the session over. */
        SIGNED_IN_ELSEWHERE("signed_in_elsewhere"),
        /** The client showed no sign of life for the session's idle timeout. */
        IDLE("idle"),
        /** An admin ended it. */
        ENDED_BY_ADMIN("ended_by_admin"),
        /** Its holder deleted the account. */
        ACCOUNT_DELETED("account_deleted"),
        /** Nothing is known of it any more (ended long ago, or the record expired). */
        UNKNOWN("session_ended");

        private final String code;

        Reason(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }

        /** The reason a code names, or {@link #UNKNOWN}. */
        public static Reason ofCode(String code) {
            for (Reason reason : values()) {
                if (reason.code.equals(code)) {
                    return reason;
                }
            }
            return UNKNOWN;
        }
    }

    public static SessionEnding unknown() {
        return new SessionEnding(Reason.UNKNOWN, null, null);
    }
}
