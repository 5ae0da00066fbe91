package vn.mydrive.platform.security;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Hashes passwords with Jakarta Security's PBKDF2 at the configured cost (default: OWASP's 2023 advice,
 * PBKDF2-HMAC-SHA256 with 600,000 iterations). Each hash records its own parameters, so raising the cost
 * later still verifies old hashes, and {@link #isOutdated} tells when to re-hash one at sign-in.
 */
@ApplicationScoped
public class PasswordHasher {

    @Inject
    Pbkdf2PasswordHash pbkdf2;

    @Inject
    @ConfigProperty(name = "mydrive.password.algorithm")
    String algorithm;

    @Inject
    @ConfigProperty(name = "mydrive.password.iterations")
    int iterations;

    @Inject
    @ConfigProperty(name = "mydrive.password.salt-bytes")
    int saltBytes;

    @Inject
    @ConfigProperty(name = "mydrive.password.key-bytes")
    int keyBytes;

    /** Verified against when the account does not exist, so a wrong name costs as much time as a wrong password. */
    private volatile String decoyHash;

    @PostConstruct
    void configure() {
        pbkdf2.initialize(Map.of(
                "Pbkdf2PasswordHash.Algorithm", algorithm,
                "Pbkdf2PasswordHash.Iterations", Integer.toString(iterations),
                "Pbkdf2PasswordHash.SaltSizeBytes", Integer.toString(saltBytes),
                "Pbkdf2PasswordHash.KeySizeBytes", Integer.toString(keyBytes)));
    }

    public String hash(String password) {
        return pbkdf2.generate(password.toCharArray());
    }

    public boolean verify(String password, String storedHash) {
        return pbkdf2.verify(password.toCharArray(), storedHash);
    }

    /** Spends the time of one verification and fails; used for names that have no account. */
    public boolean verifyAgainstDecoy(String password) {
        if (decoyHash == null) {
            decoyHash = hash(UUID.randomUUID().toString());
        }
        verify(password, decoyHash);
        return false;
    }

    /** Whether a stored hash was made with weaker parameters than the configured ones. */
    public boolean isOutdated(String storedHash) {
        String[] parts = storedHash.split(":");
        try {
            return parts.length != 4 || !parts[0].equals(algorithm) || Integer.parseInt(parts[1]) < iterations;
        } catch (NumberFormatException e) {
            return true;
        }
    }
}
