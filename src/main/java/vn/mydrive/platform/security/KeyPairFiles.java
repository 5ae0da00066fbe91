package vn.mydrive.platform.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * Reads RSA keys from PEM text and keeps a generated signing key in a directory. Only the private key file is
 * authoritative (the public key is derived from it), so creating it is one atomic move even when two nodes
 * start at once on a shared directory.
 */
final class KeyPairFiles {

    static final String PRIVATE_KEY_FILE = "jwt-private.pem";
    static final String PUBLIC_KEY_FILE = "jwt-public.pem";
    private static final int KEY_BITS = 2048;

    private KeyPairFiles() {
    }

    static KeyPair loadOrCreate(Path directory) {
        Path privateFile = directory.resolve(PRIVATE_KEY_FILE);
        try {
            Files.createDirectories(directory);
            if (!Files.exists(privateFile)) {
                create(directory, privateFile);
            }
            PrivateKey privateKey = privateKey(Files.readString(privateFile, StandardCharsets.US_ASCII));
            return new KeyPair(publicKeyOf(privateKey), privateKey);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the token signing key in " + directory, e);
        }
    }

    private static void create(Path directory, Path privateFile) throws IOException {
        KeyPair pair;
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(KEY_BITS);
            pair = generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA is not available", e);
        }
        Path temp = Files.createTempFile(directory, "jwt-", ".tmp");
        try {
            ownerOnly(temp);
            Files.writeString(temp, pem("PRIVATE KEY", pair.getPrivate().getEncoded()), StandardCharsets.US_ASCII);
            Files.move(temp, privateFile, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException raceLost) {
            // Another node created the key first; use theirs.
        } finally {
            Files.deleteIfExists(temp);
        }
        Files.writeString(directory.resolve(PUBLIC_KEY_FILE), pem("PUBLIC KEY", pair.getPublic().getEncoded()),
                StandardCharsets.US_ASCII);
    }

    private static void ownerOnly(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the user's profile directory is already private.
        }
    }

    static PrivateKey privateKey(String pem) {
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der(pem)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("Not an RSA private key in PKCS#8 PEM form", e);
        }
    }

    static PublicKey publicKey(String pem) {
        try {
            return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der(pem)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("Not an RSA public key in X.509 PEM form", e);
        }
    }

    static PublicKey publicKeyOf(PrivateKey privateKey) {
        if (!(privateKey instanceof RSAPrivateCrtKey crt)) {
            throw new IllegalArgumentException("The private key does not carry its public exponent");
        }
        try {
            BigInteger modulus = crt.getModulus();
            return KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(modulus, crt.getPublicExponent()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] der(String pem) {
        String base64 = pem.replaceAll("-----(BEGIN|END) [A-Z ]+-----", "").replaceAll("\\s", "");
        return Base64.getDecoder().decode(base64);
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
