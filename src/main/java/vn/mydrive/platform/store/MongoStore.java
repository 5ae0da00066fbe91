package vn.mydrive.platform.store;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.WriteConcern;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.mydrive.platform.config.DataDirectory;

/**
 * The app's one connection to MongoDB: a real deployment when {@code mydrive.mongodb.uri} is set, otherwise
 * the embedded store started here. Opened when the app starts so a bad store fails the deployment, not the
 * first user.
 */
@ApplicationScoped
public class MongoStore {

    @Inject
    @ConfigProperty(name = "mydrive.mongodb.uri")
    Optional<String> uri;

    @Inject
    @ConfigProperty(name = "mydrive.mongodb.database")
    String databaseName;

    @Inject
    @ConfigProperty(name = "mydrive.store.embedded.backend")
    String embeddedBackend;

    @Inject
    @ConfigProperty(name = "mydrive.store.embedded.port")
    int embeddedPort;

    @Inject
    DataDirectory dataDirectory;

    private EmbeddedMongoServer embedded;
    private MongoClient client;
    private MongoDatabase database;
    private String description;

    @PostConstruct
    void open() {
        ConnectionString connection;
        if (uri.isPresent()) {
            connection = new ConnectionString(uri.get());
            description = "MongoDB " + String.join(",", connection.getHosts());
        } else {
            embedded = EmbeddedMongoServer.start(embeddedBackend, dataDirectory.directory("store"), embeddedPort);
            connection = new ConnectionString(embedded.connectionString());
            description = embedded.description();
        }
        MongoClientSettings.Builder settings = MongoClientSettings.builder()
                .applyConnectionString(connection)
                .applicationName("mydrive")
                .applyToClusterSettings(b -> b.serverSelectionTimeout(10, TimeUnit.SECONDS));
        if (embedded != null) {
            settings.credential(embedded.credential());
        } else if (connection.getWriteConcern() == null) {
            // Acknowledged means stored: a write is answered once a majority of the replica set has it in its
            // journal, so it survives a crash of any one member and a failover (docs/configuration.md).
            settings.writeConcern(WriteConcern.MAJORITY.withJournal(true));
        }
        client = MongoClients.create(settings.build());
        String name = connection.getDatabase() != null ? connection.getDatabase() : databaseName;
        database = client.getDatabase(name);
    }

    void startWithApplication(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        // Observing start-up is enough: it makes CDI create this bean, which opens the store.
    }

    @PreDestroy
    void close() {
        if (client != null) {
            client.close();
        }
        if (embedded != null) {
            embedded.close();
        }
    }

    public MongoCollection<Document> collection(String name) {
        return database.getCollection(name);
    }

    /** Which store this is, for operators (never includes credentials). */
    public String description() {
        return description;
    }

    /** What is wrong with the store now, if anything (the embedded store reports a failed file). */
    public Optional<String> problem() {
        return embedded == null ? Optional.empty() : embedded.problem();
    }

    /** Whether the store answers a ping now. */
    public boolean answers() {
        try {
            database.runCommand(new Document("ping", 1));
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }
}
