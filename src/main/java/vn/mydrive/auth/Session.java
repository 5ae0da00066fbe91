package vn.mydrive.auth;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import vn.mydrive.platform.security.AccountKey;

/**
 * The one live sign-in of an account. Only the token whose id is {@code tokenId} is accepted for it, which is
 * what makes sign-out and take-over revoke the old token at once.
 *
 * @param idleTimeout how long the session survives without a sign of life: the server's setting, or shorter
 *                    when the client asked for it (a shared computer)
 */
record Session(String username, String tokenId, Set<String> roles, Instant signedInAt, Instant lastSeenAt,
               Instant expiresAt, String clientAddress, Duration idleTimeout) {

    String key() {
        return AccountKey.of(username);
    }
}
