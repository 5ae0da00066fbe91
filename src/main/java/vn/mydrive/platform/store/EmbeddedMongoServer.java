package vn.mydrive.platform.store;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.io.ObjectInputFilter;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.logging.Logger;
import org.h2.mvstore.MVStoreTool;

/**
 * The in-JVM MongoDB-wire-protocol server used when no MongoDB is configured. The app talks to it with the
 * same driver code as to a real MongoDB, over loopback, so nothing else in the app knows which one it has.
 * Only clients holding the secret made at this start may use it ({@link AuthenticatingBackend}); the operator's
 * tools find it in an owner-only file of the store's directory.
 */
final class EmbeddedMongoServer implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(EmbeddedMongoServer.class.getName());
    /** MongoDB's own limit on a document, and so on anything the store must read back. */
    private static final long MAX_DOCUMENT_BYTES = 16L * 1024 * 1024;
    static final String SUFFICIENT_FILTER = "maxbytes=33554432;maxdepth=128;maxarray=16777216;maxrefs=300000";
    /**
     * Network threads of the store. A write holds its thread until the commit covering it is made, so a handful of
     * them let other connections be served meanwhile.
     */
    private static final int NETWORK_THREADS = 16;

    private final MongoServer server;
    private final DurableBackend durable;
    private final InetSocketAddress address;
    private final String description;
    private final StoreCredentials credentials;

    private EmbeddedMongoServer(MongoServer server, DurableBackend durable, InetSocketAddress address,
                                String description, StoreCredentials credentials) {
        this.server = server;
        this.durable = durable;
        this.address = address;
        this.description = description;
        this.credentials = credentials;
    }

    /**
     * Starts the server on loopback.
     *
     * @param backend {@code h2} (a file under {@code directory}, kept across restarts) or {@code memory}
     * @param port    the loopback port, 0 for any free one
     */
    static EmbeddedMongoServer start(String backend, Path directory, int port) {
        MongoBackend store;
        DurableBackend durable = null;
        String description;
        switch (backend) {
            case "memory" -> {
                store = new MemoryBackend();
                description = "embedded (in memory)";
            }
            case "h2" -> {
                requireLargeArraysDeserializable();
                Path file = directory.resolve("mydrive.mv");
                compact(file);
                durable = new DurableBackend(file);
                store = durable;
                description = "embedded (H2 file " + file + ")";
            }
            default -> throw new IllegalArgumentException(
                    "mydrive.store.embedded.backend must be h2 or memory, not " + backend);
        }
        ownerOnly(directory);
        StoreCredentials credentials = StoreCredentials.generate();
        MongoServer server = new MongoServer(new AuthenticatingBackend(store, credentials));
        server.bind(new InetSocketAddress("127.0.0.1", port), 1, NETWORK_THREADS);
        InetSocketAddress address = server.getLocalAddress();
        Path connectionString = credentials.publish(directory, address);
        LOG.info(() -> "Started the " + description + " MongoDB-protocol store on " + address
                + "; its connection string (with the secret, for this user only) is in " + connectionString);
        return new EmbeddedMongoServer(server, durable, address, description, credentials);
    }

    /**
     * The H2 backend keeps documents with Java serialization, so a JVM-wide deserialization filter that refuses
     * large byte arrays (WildFly's start scripts set one with maxarray=100000) makes every document with a
     * large binary unreadable once it leaves the cache. Refuse to start rather than fail on the first big file.
     */
    private static void requireLargeArraysDeserializable() {
        ObjectInputFilter filter = ObjectInputFilter.Config.getSerialFilter();
        if (filter == null) {
            return;
        }
        ObjectInputFilter.FilterInfo largestDocument = new ObjectInputFilter.FilterInfo() {
            @Override
            public Class<?> serialClass() {
                return byte[].class;
            }

            @Override
            public long arrayLength() {
                return MAX_DOCUMENT_BYTES;
            }

            @Override
            public long depth() {
                return 8;
            }

            @Override
            public long references() {
                return 64;
            }

            @Override
            public long streamBytes() {
                return MAX_DOCUMENT_BYTES;
            }
        };
        if (filter.checkInput(largestDocument) == ObjectInputFilter.Status.REJECTED) {
            throw new IllegalStateException("The JVM's jdk.serialFilter (" + filter + ") rejects the byte arrays the "
                    + "embedded H2 store reads back. Start the server with a filter that allows "
                    + MAX_DOCUMENT_BYTES + "-byte arrays, e.g. JDK_SERIAL_FILTER='" + SUFFICIENT_FILTER
                    + "' for WildFly's scripts (see docs/configuration.md), or configure a real MongoDB.");
        }
    }

    /** The H2 file never shrinks while open (deleted chunks leave holes), so it is compacted before each start. */
    private static void compact(Path file) {
        if (Files.isRegularFile(file)) {
            long before = file.toFile().length();
            MVStoreTool.compact(file.toString(), true);
            LOG.info(() -> "Compacted " + file + ": " + before + " -> " + file.toFile().length() + " bytes");
        }
    }

    /** The durable H2 layer, or null for the in-memory store. */
    DurableBackend durable() {
        return durable;
    }

    /** What is wrong with the store now, if anything: it refuses requests until it has reopened its file. */
    Optional<String> problem() {
        return durable == null ? Optional.empty()
                : durable.failure().map(f -> "failing since " + f.since() + ": " + f.reason());
    }

    String connectionString() {
        return "mongodb://" + address.getHostString() + ":" + address.getPort();
    }

    com.mongodb.MongoCredential credential() {
        return credentials.driverCredential();
    }

    /** The store's directory holds its file and its secret: nobody but the owner may even list it. */
    private static void ownerOnly(Path directory) {
        try {
            Files.setPosixFilePermissions(directory, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the user's profile directory is already private.
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("Cannot make " + directory + " private", e);
        }
    }

    String description() {
        return description;
    }

    /** Stops answering, then saves what the file store holds and closes it. */
    @Override
    public void close() {
        server.shutdown();
        if (durable != null) {
            durable.close();
        }
    }
}
