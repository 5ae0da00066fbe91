package vn.mydrive.client.cli;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * The sign-in the command line keeps between commands: server, username and token in {@code login.json} in the
 * user's config directory ({@code $MYDRIVE_CONFIG_DIR}, else {@code $XDG_CONFIG_HOME/mydrive}, else
 * {@code ~/.config/mydrive}; {@code %APPDATA%\mydrive} on Windows). The token is a password for its lifetime, so
 * the file is readable by its owner only (0600, in a 0700 directory), and is written whole or not at all.
 */
record SavedLogin(URI server, String username, String token, Instant expiresAt) {

    static Path directory(Map<String, String> environment) {
        if (environment.containsKey("MYDRIVE_CONFIG_DIR")) {
            return Path.of(environment.get("MYDRIVE_CONFIG_DIR"));
        }
        if (environment.containsKey("XDG_CONFIG_HOME")) {
            return Path.of(environment.get("XDG_CONFIG_HOME"), "mydrive");
        }
        if (environment.containsKey("APPDATA")) {
            return Path.of(environment.get("APPDATA"), "mydrive");
        }
        return Path.of(System.getProperty("user.home"), ".config", "mydrive");
    }

    static Optional<SavedLogin> read(Path directory) throws IOException {
        Path file = directory.resolve("login.json");
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try (var reader = Json.createReader(new StringReader(Files.readString(file, StandardCharsets.UTF_8)))) {
            JsonObject json = reader.readObject();
            return Optional.of(new SavedLogin(URI.create(json.getString("server")), json.getString("username"),
                    json.getString("token"), Instant.parse(json.getString("expiresAt"))));
        } catch (RuntimeException e) {
            throw new IOException(file + " is damaged; sign in again with mydrive login", e);
        }
    }

    void write(Path directory) throws IOException {
        boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
        if (posix) {
            Files.createDirectories(directory,
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } else {
            Files.createDirectories(directory);
        }
        Path temporary = posix
                ? Files.createTempFile(directory, "login", ".tmp",
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
                : Files.createTempFile(directory, "login", ".tmp");
        String json = Json.createObjectBuilder().add("server", server.toString()).add("username", username)
                .add("token", token).add("expiresAt", expiresAt.toString()).build().toString();
        Files.writeString(temporary, json, StandardCharsets.UTF_8);
        Files.move(temporary, directory.resolve("login.json"), StandardCopyOption.REPLACE_EXISTING,
                StandardCopyOption.ATOMIC_MOVE);
    }

    static void forget(Path directory) throws IOException {
        Files.deleteIfExists(directory.resolve("login.json"));
    }
}
