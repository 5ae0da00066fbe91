package vn.mydrive.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the benchmark server's embedded store is: its connection string (with the secret made at its start) is
 * in an owner-only file of its data directory, rewritten at every start; {@code -Dmongo.uri} overrides it.
 */
public final class BenchStore {

    private static final Path CONNECTION_STRING = Path.of("target/bench/server-data/store/connection-string");

    private BenchStore() {
    }

    /** The store's connection string now (read afresh: a restarted server has a new secret). */
    public static String uri() {
        String configured = System.getProperty("mongo.uri");
        if (configured != null) {
            return configured;
        }
        try {
            return Files.readString(CONNECTION_STRING).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("No running benchmark server's store (" + CONNECTION_STRING + ")", e);
        }
    }

    /** The connection string without its secret, for printing. */
    public static String shown(String uri) {
        return uri.replaceAll("//([^:@/]+):[^@/]+@", "//$1:***@");
    }
}
