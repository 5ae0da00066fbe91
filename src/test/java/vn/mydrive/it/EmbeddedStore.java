package vn.mydrive.it;

import com.mongodb.ConnectionString;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The deployed app's embedded store, reached as any MongoDB tool would: through its port, with the connection
 * string (secret included) the app writes for its owner under the data directory.
 */
final class EmbeddedStore {

    private EmbeddedStore() {
    }

    /** The file the app writes its store's connection string to, readable by its owner only. */
    static Path connectionFile() {
        return Path.of(System.getProperty("mydrive.it.dir"), "data", "store", "connection-string");
    }

    static ConnectionString connectionString() {
        try {
            return new ConnectionString(Files.readString(connectionFile()).strip());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static MongoClient connect() {
        return MongoClients.create(connectionString());
    }
}
