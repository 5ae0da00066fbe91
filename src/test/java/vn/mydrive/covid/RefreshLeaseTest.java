package vn.mydrive.covid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.mydrive.covid.store.MongoCovidRepository;
import vn.mydrive.platform.store.MongoStore;

/**
 * A node that starts while another holds the refresh lease, before that one has stored a data set (or after it died
 * loading the first one, until its lease runs out), answers from the bundled snapshot instead of with no figures,
 * and takes the stored data set once there is one. On the embedded store's H2 backend, as the app runs; the
 * repository's package-private wiring is done by reflection, as CDI would.
 */
class RefreshLeaseTest {

    private MongoServer server;
    private MongoClient client;
    private MongoCovidRepository repository;
    private CovidData data;
    private CovidRefresher refresher;

    @BeforeEach
    void start() throws ReflectiveOperationException {
        server = new MongoServer(H2Backend.inMemory());
        client = MongoClients.create(server.bindAndGetConnectionString());
        MongoDatabase db = client.getDatabase("test");
        repository = new MongoCovidRepository();
        Field store = MongoCovidRepository.class.getDeclaredField("store");
        store.setAccessible(true);
        store.set(repository, new MongoStore() {
            @Override
            public MongoCollection<Document> collection(String name) {
                return db.getCollection(name);
            }
        });
        Method open = MongoCovidRepository.class.getDeclaredMethod("open");
        open.setAccessible(true);
        open.invoke(repository);
        data = new CovidData();
        data.store = repository;
        refresher = new CovidRefresher();
        refresher.store = repository;
        refresher.data = data;
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void aNodeThatFindsTheLeaseTakenBeforeAnyDataIsStoredAnswersFromTheSnapshot() {
        assertTrue(repository.takeLease("a-node-still-loading", Duration.ofMinutes(15)));

        List<RefreshRun> runs = refresher.refresh();

        assertEquals(RefreshRun.Outcome.SKIPPED, runs.get(0).outcome(), runs::toString);
        assertTrue(data.isLoaded(), "figures to answer with");
        assertEquals(63, data.current().provinces().all().size());
        assertEquals(SnapshotLoader.daily().size(), data.current().rowCount());
        assertFalse(repository.snapshotLoaded(), "nothing stored by the node without the lease");

        // The node holding the lease stores its data set: the next reload takes it.
        repository.saveProvinces(SnapshotLoader.provinces());
        repository.insertMissing(List.of(new DailyFigure(1, LocalDate.of(2021, 8, 10), 7L, 0L)), "test");
        repository.bumpVersion("test", java.time.Instant.now());
        data.reload();
        assertEquals(1, data.current().rowCount());
    }
}
