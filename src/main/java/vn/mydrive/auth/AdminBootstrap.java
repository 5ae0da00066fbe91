package vn.mydrive.auth;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.mydrive.platform.security.AccountKey;
import vn.mydrive.platform.security.PasswordHasher;
import vn.mydrive.platform.security.Roles;

/**
 * Makes the configured account an admin at start-up ({@code mydrive.admin.username}, and
 * {@code mydrive.admin.password} to create it when missing). Without these keys nobody is an admin.
 */
@Singleton
@Startup
public class AdminBootstrap {

    private static final Logger LOG = Logger.getLogger(AdminBootstrap.class.getName());

    @Inject
    @ConfigProperty(name = "mydrive.admin.username")
    Optional<String> username;

    @Inject
    @ConfigProperty(name = "mydrive.admin.password")
    Optional<String> password;

    @Inject
    AccountStore accounts;

    @Inject
    PasswordHasher hasher;

    @PostConstruct
    void ensureAdmin() {
        if (username.isEmpty()) {
            return;
        }
        String name = username.get();
        if (!Usernames.isValid(name)) {
            LOG.severe("mydrive.admin.username is not a valid username; no admin was set up");
            return;
        }
        String key = AccountKey.of(name);
        if (accounts.find(key).isPresent()) {
            accounts.addRole(key, Roles.ADMIN);
        } else if (password.filter(p -> Passwords.isValid(p) && PasswordStrength.weakness(p, name).isEmpty()).isPresent()) {
            accounts.insert(new Account(name, hasher.hash(password.get()), Set.of(Roles.USER, Roles.ADMIN),
                    Instant.now()));
            LOG.info(() -> "Created the admin account " + name);
        } else {
            LOG.severe("The admin account " + name + " does not exist and mydrive.admin.password is not set or too weak"
                    + " (8-128 characters, not easy to guess: see docs/security.md); no admin was created");
        }
    }
}
