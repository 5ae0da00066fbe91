package vn.mydrive.auth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How long a session lives, and when it still counts as signed in for the one-session rule.
 * <ul>
 * <li><em>Alive</em>: its token has not expired and its client showed a sign of life within the session's idle
 * timeout. Only an alive session's token is accepted.</li>
 * <li><em>Present</em>: alive, and its client showed a sign of life within the presence window (a minute). Only a
 * present session refuses another sign-in: a browser that was closed without signing out stops counting within
 * the window, so nobody is locked out of their own account by a tab that no longer exists. An open page
 * pings well within the window, so it keeps counting.</li>
 * </ul>
 */
@ApplicationScoped
public class SessionPolicy {

    @Inject
    @ConfigProperty(name = "mydrive.jwt.lifetime")
    Duration tokenLifetime;

    @Inject
    @ConfigProperty(name = "mydrive.session.idle-timeout")
    Duration idleTimeout;

    @Inject
    @ConfigProperty(name = "mydrive.session.presence")
    Duration presence;

    /** Open pages show their life through transfer-socket pings at this interval. */
    @Inject
    @ConfigProperty(name = "mydrive.transfer.heartbeat")
    Duration heartbeat;

    Duration tokenLifetime() {
        return tokenLifetime;
    }

    /**
     * The idle timeout of a new session: the configured one, or the shorter one the client asked for, but never
     * less than two heartbeats (else an open page's session would end between its pings).
     */
    Duration idleTimeoutFor(Optional<Duration> requested) {
        Duration shortest = heartbeat.multipliedBy(2);
        Duration wanted = requested.filter(d -> d.compareTo(idleTimeout) < 0).orElse(idleTimeout);
        return wanted.compareTo(shortest) < 0 ? shortest : wanted;
    }

    boolean isAlive(Session session, Instant now) {
        return session.expiresAt().isAfter(now) && session.lastSeenAt().plus(session.idleTimeout()).isAfter(now);
    }

    boolean isPresent(Session session, Instant now) {
        return isAlive(session, now) && session.lastSeenAt().plus(presenceWindow(session)).isAfter(now);
    }

    /**
     * A sign of life older than a quarter of the shorter of the presence window and the idle timeout is written
     * down; fresher ones are not, to spare the store a write per request.
     */
    boolean needsTouch(Session session, Instant now) {
        return session.lastSeenAt().plus(presenceWindow(session).dividedBy(4)).isBefore(now);
    }

    private Duration presenceWindow(Session session) {
        return presence.compareTo(session.idleTimeout()) < 0 ? presence : session.idleTimeout();
    }
}
