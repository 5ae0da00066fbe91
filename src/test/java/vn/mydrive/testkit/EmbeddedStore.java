package vn.mydrive.testkit;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.bson.Document;
import vn.mydrive.platform.store.MongoStore;

/**
 * The app's embedded store (its H2 backend, in memory) and the real driver, for unit tests of code that talks to
 * the store: {@link #store()} is what the app's repositories are given.
 */
public final class EmbeddedStore implements AutoCloseable {

    private final MongoServer server = new MongoServer(H2Backend.inMemory());
    private final MongoClient client = MongoClients.create(server.bindAndGetConnectionString());
    private final MongoDatabase database = client.getDatabase("test");

    public MongoCollection<Document> collection(String name) {
        return database.getCollection(name);
    }

    public MongoStore store() {
        return new MongoStore() {
            @Override
            public MongoCollection<Document> collection(String name) {
                return database.getCollection(name);
            }
        };
    }

    @Override
    public void close() {
        client.close();
        server.shutdownNow();
    }
}
