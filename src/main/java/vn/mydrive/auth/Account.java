package vn.mydrive.auth;

import java.time.Instant;
import java.util.Set;
import vn.mydrive.platform.security.AccountKey;

/**
 * A registered account. {@code username} keeps the case it was registered with; lookups use its key. A disabled
 * account keeps its files but cannot sign in until an admin enables it again.
 */
record Account(String username, String passwordHash, Set<String> roles, Instant createdAt, boolean disabled) {

    Account(String username, String passwordHash, Set<String> roles, Instant createdAt) {
        this(username, passwordHash, roles, createdAt, false);
    }

    String key() {
        return AccountKey.of(username);
    }
}
