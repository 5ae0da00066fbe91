package vn.mydrive.platform.store;

import com.mongodb.MongoCredential;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The embedded store's secret: made afresh at every start, held by the app, and written for the operator's own
 * tools (a benchmark writing through the driver, a second node on the same machine) into a connection string
 * file that only the data directory's owner can read.
 */
record StoreCredentials(String user, String secret) {

    static final String USER = "mydrive";
    static final String FILE = "connection-string";
    private static final SecureRandom RANDOM = new SecureRandom();

    static StoreCredentials generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return new StoreCredentials(USER, Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }

    MongoCredential driverCredential() {
        return MongoCredential.createPlainCredential(user, "$external", secret.toCharArray());
    }

    /** Writes {@code <directory>/connection-string} (owner-only) naming the store at {@code address}. */
    Path publish(Path directory, InetSocketAddress address) {
        String uri = "mongodb://" + user + ":" + URLEncoder.encode(secret, StandardCharsets.UTF_8) + "@"
                + address.getHostString() + ":" + address.getPort() + "/?authMechanism=PLAIN&authSource=%24external\n";
        Path file = directory.resolve(FILE);
        try {
            Path temp = Files.createTempFile(directory, "connection-", ".tmp");
            try {
                try {
                    Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException notPosix) {
                    // Windows: the user's profile directory is already private.
                }
                Files.writeString(temp, uri, StandardCharsets.US_ASCII);
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temp);
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the embedded store's connection string to " + directory, e);
        }
    }

    @Override
    public String toString() {
        return "StoreCredentials[" + user + ", secret hidden]";
    }
}
