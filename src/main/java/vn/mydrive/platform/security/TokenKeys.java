package vn.mydrive.platform.security;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Base64;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.mydrive.platform.config.DataDirectory;

/**
 * The RSA key pair tokens are signed with: from configuration when given (every node of a cluster must share
 * it), otherwise generated once into the data directory. Never part of the source tree.
 */
@ApplicationScoped
public class TokenKeys {

    @Inject
    @ConfigProperty(name = "mydrive.jwt.private-key")
    Optional<String> privateKeyPem;

    @Inject
    @ConfigProperty(name = "mydrive.jwt.key-dir")
    Optional<String> keyDirectory;

    @Inject
    DataDirectory dataDirectory;

    private KeyPair pair;
    private String keyId;

    @PostConstruct
    void load() {
        if (privateKeyPem.isPresent()) {
            PrivateKey privateKey = KeyPairFiles.privateKey(privateKeyPem.get());
            pair = new KeyPair(KeyPairFiles.publicKeyOf(privateKey), privateKey);
        } else {
            Path dir = keyDirectory.map(Path::of).orElseGet(() -> dataDirectory.root().resolve("keys"));
            pair = KeyPairFiles.loadOrCreate(dir);
        }
        keyId = thumbprint(pair.getPublic());
    }

    PrivateKey signingKey() {
        return pair.getPrivate();
    }

    PublicKey verificationKey() {
        return pair.getPublic();
    }

    /** A short, stable name for the key ({@code kid}), so a rotated key is told apart from a forged one. */
    String keyId() {
        return keyId;
    }

    private static String thumbprint(PublicKey key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getEncoded());
            return new String(Base64.getUrlEncoder().withoutPadding().encode(digest), StandardCharsets.US_ASCII)
                    .substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
