package vn.mydrive.auth;

import java.time.Instant;
import java.util.Set;
import vn.mydrive.platform.security.AccountKey;

/** A registered account. {@code username} keeps the case it was registered with; lookups use its key. */
record Account(String username, String passwordHash, Set<String> roles, Instant createdAt) {

    String key() {
        return AccountKey.of(username);
    }
}
