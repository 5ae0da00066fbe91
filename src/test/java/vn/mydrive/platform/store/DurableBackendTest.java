package vn.mydrive.platform.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.MongoException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.bson.types.Binary;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded store, started for real on an H2 file and used through the real driver: an acknowledged write is
 * saved to the file, writers share commits, nothing answers without the secret, and a store whose file fails
 * refuses requests, reopens itself and serves what was saved.
 */
class DurableBackendTest {

    @TempDir
    Path directory;

    private EmbeddedMongoServer server;
    private MongoClient client;
    private MongoCollection<Document> things;

    @BeforeEach
    void start() {
        server = EmbeddedMongoServer.start("h2", directory, 0);
        client = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(server.connectionString()))
                .credential(server.credential())
                .applyToClusterSettings(b -> b.serverSelectionTimeout(5, TimeUnit.SECONDS)).build());
        things = client.getDatabase("test").getCollection("things");
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    @Test
    void anAcknowledgedWriteIsSavedBeforeItsAnswer() {
        for (int i = 0; i < 50; i++) {
            things.insertOne(new Document("_id", i).append("data", new Binary(new byte[10_000])));

            assertFalse(server.durable().file().hasUnsavedChanges(), "write " + i + " was answered before it was saved");
        }
    }

    @Test
    void manyWritersAtOnceAreAllSavedAndShareCommits() throws Exception {
        long versionBefore = server.durable().file().getCurrentVersion();
        ExecutorService writers = Executors.newFixedThreadPool(8);
        List<Future<?>> writes = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            int id = i;
            writes.add(writers.submit(() -> things.insertOne(new Document("_id", id)
                    .append("data", new Binary(new byte[50_000])))));
        }
        for (Future<?> write : writes) {
            write.get(60, TimeUnit.SECONDS);
        }
        writers.shutdown();

        assertEquals(400, things.countDocuments());
        assertFalse(server.durable().file().hasUnsavedChanges());
        long commits = server.durable().file().getCurrentVersion() - versionBefore;
        assertTrue(commits < 400, "400 writes made " + commits + " commits: writers waiting together share one");
    }

    @Test
    void whatIsSavedSurvivesARestartOnTheSameFile() {
        things.insertOne(new Document("_id", "kept"));
        client.close();
        server.close();

        start();

        assertEquals(1, things.countDocuments(new Document("_id", "kept")));
    }

    @Test
    void withoutTheSecretNothingIsAnswered() {
        try (MongoClient stranger = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(server.connectionString()))
                .applyToClusterSettings(b -> b.serverSelectionTimeout(5, TimeUnit.SECONDS)).build())) {
            assertThrows(MongoException.class, () -> stranger.getDatabase("test").getCollection("things").countDocuments());
        }
    }

    @Test
    void aFailedFileIsReportedAndReopenedAndWhatWasSavedIsServed() throws InterruptedException {
        things.insertOne(new Document("_id", "before"));

        // The file store breaks under the server (as an out-of-memory commit closes it).
        server.durable().file().closeImmediately();
        assertThrows(MongoException.class, () -> things.insertOne(new Document("_id", "during")));

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (server.problem().isPresent() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertTrue(server.problem().isEmpty(), "the store reopened itself");
        things.insertOne(new Document("_id", "after"));
        assertEquals(1, things.countDocuments(new Document("_id", "before")));
        assertEquals(1, things.countDocuments(new Document("_id", "after")));
    }
}
