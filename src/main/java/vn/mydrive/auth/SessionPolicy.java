package vn.mydrive.auth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How long a session lives: until its token expires, or until its client has shown no sign of life for the
 * idle timeout, so a closed browser does not lock its owner out for the token's whole lifetime.
 */
@ApplicationScoped
public class SessionPolicy {

    @Inject
    @ConfigProperty(name = "mydrive.jwt.lifetime")
    Duration tokenLifetime;

    @Inject
    @ConfigProperty(name = "mydrive.session.idle-timeout")
    Duration idleTimeout;

    Duration tokenLifetime() {
        return tokenLifetime;
    }

    boolean isAlive(Session session, Instant now) {
        return session.expiresAt().isAfter(now) && session.lastSeenAt().plus(idleTimeout).isAfter(now);
    }

    /** A sign of life older than this is written down; fresher ones are not, to spare the store a write per request. */
    boolean needsTouch(Session session, Instant now) {
        return session.lastSeenAt().plus(idleTimeout.dividedBy(10)).isBefore(now);
    }

    /** Sessions whose last sign of life is older than this have gone idle. */
    Instant idleCutoff(Instant now) {
        return now.minus(idleTimeout);
    }
}
