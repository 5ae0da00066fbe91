package vn.mydrive.platform.store;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Logger;
import org.h2.mvstore.MVStoreTool;

/**
 * The in-JVM MongoDB-wire-protocol server used when no MongoDB is configured. The app talks to it with the
 * same driver code as to a real MongoDB, over loopback, so nothing else in the app knows which one it has.
 */
final class EmbeddedMongoServer implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(EmbeddedMongoServer.class.getName());

    private final MongoServer server;
    private final InetSocketAddress address;
    private final String description;

    private EmbeddedMongoServer(MongoServer server, InetSocketAddress address, String description) {
        this.server = server;
        this.address = address;
        this.description = description;
    }

    /**
     * Starts the server on loopback.
     *
     * @param backend {@code h2} (a file under {@code directory}, kept across restarts) or {@code memory}
     * @param port    the loopback port, 0 for any free one
     */
    static EmbeddedMongoServer start(String backend, Path directory, int port) {
        MongoBackend store;
        String description;
        switch (backend) {
            case "memory" -> {
                store = new MemoryBackend();
                description = "embedded (in memory)";
            }
            case "h2" -> {
                Path file = directory.resolve("mydrive.mv");
                compact(file);
                store = new H2Backend(file.toString());
                description = "embedded (H2 file " + file + ")";
            }
            default -> throw new IllegalArgumentException(
                    "mydrive.store.embedded.backend must be h2 or memory, not " + backend);
        }
        MongoServer server = new MongoServer(store);
        server.bind("127.0.0.1", port);
        InetSocketAddress address = server.getLocalAddress();
        LOG.info(() -> "Started the " + description + " MongoDB-protocol store on " + address);
        return new EmbeddedMongoServer(server, address, description);
    }

    /** The H2 file never shrinks while open (deleted chunks leave holes), so it is compacted before each start. */
    private static void compact(Path file) {
        if (Files.isRegularFile(file)) {
            long before = file.toFile().length();
            MVStoreTool.compact(file.toString(), true);
            LOG.info(() -> "Compacted " + file + ": " + before + " -> " + file.toFile().length() + " bytes");
        }
    }

    String connectionString() {
        return "mongodb://" + address.getHostString() + ":" + address.getPort();
    }

    String description() {
        return description;
    }

    @Override
    public void close() {
        server.shutdown();
    }
}
