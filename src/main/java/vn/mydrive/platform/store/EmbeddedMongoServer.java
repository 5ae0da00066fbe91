package vn.mydrive.platform.store;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.io.ObjectInputFilter;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.logging.Logger;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.MVStoreTool;

/**
 * The in-JVM MongoDB-wire-protocol server used when no MongoDB is configured. The app talks to it with the
 * same driver code as to a real MongoDB, over loopback, so nothing else in the app knows which one it has.
 * Only clients holding the secret made at this start may use it ({@link AuthenticatingBackend}); the operator's
 * tools find it in an owner-only file of the store's directory.
 */
final class EmbeddedMongoServer implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(EmbeddedMongoServer.class.getName());
    private static final long COMMIT_WAIT_SECONDS = 10;
    /** MongoDB's own limit on a document, and so on anything the store must read back. */
    private static final long MAX_DOCUMENT_BYTES = 16L * 1024 * 1024;
    static final String SUFFICIENT_FILTER = "maxbytes=33554432;maxdepth=128;maxarray=16777216;maxrefs=300000";

    private final MongoServer server;
    private final MVStore h2File;
    private final InetSocketAddress address;
    private final String description;
    private final StoreCredentials credentials;
    private final ReentrantReadWriteLock writesUnderWay = new ReentrantReadWriteLock();
    /**
     * Commits writes from outside the app (see {@link #commitUnsaved}). A thread of the store's own, like its
     * network threads: a managed scheduler is suspended before the app stops and logs every run it refuses.
     */
    private final ScheduledExecutorService outsideWriteCommits = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "mydrive-store-commits");
        thread.setDaemon(true);
        return thread;
    });

    private EmbeddedMongoServer(MongoServer server, MVStore h2File, InetSocketAddress address,
                                String description, StoreCredentials credentials) {
        this.server = server;
        this.credentials = credentials;
        this.h2File = h2File;
        if (h2File != null) {
            outsideWriteCommits.scheduleWithFixedDelay(this::commitUnsaved, 20, 20, TimeUnit.MILLISECONDS);
        }
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
        MVStore h2 = null;
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
                h2 = openMvStore(file);
                store = new H2Backend(h2);
                description = "embedded (H2 file " + file + ")";
            }
            default -> throw new IllegalArgumentException(
                    "mydrive.store.embedded.backend must be h2 or memory, not " + backend);
        }
        ownerOnly(directory);
        StoreCredentials credentials = StoreCredentials.generate();
        MongoServer server = new MongoServer(new AuthenticatingBackend(store, credentials));
        server.bind("127.0.0.1", port);
        InetSocketAddress address = server.getLocalAddress();
        Path connectionString = credentials.publish(directory, address);
        LOG.info(() -> "Started the " + description + " MongoDB-protocol store on " + address
                + "; its connection string (with the secret, for this user only) is in " + connectionString);
        return new EmbeddedMongoServer(server, h2, address, description, credentials);
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

    /**
     * H2's defaults let unsaved changes and cached pages grow far beyond their nominal limits when values are
     * megabyte-sized documents (their size is estimated, not measured): a 1 GiB upload ran a 512 MiB server
     * out of memory. A small cache and commits after every write keep the store's heap use flat (measured: 1 GiB
     * written through a 200 MiB heap at 90-100 MB/s; docs/benchmarks.md).
     */
    private static MVStore openMvStore(Path file) {
        return new MVStore.Builder()
                .fileName(file.toString())
                .cacheSize(8)
                // Commits are the app's, between writes (CommitAfterWrites). H2's own ones, on a timer or when
                // unsaved changes pass the write buffer (every 1 MiB chunk did), landed between a document and
                // its index entry; after a kill the chunk was on disk but not in its index (bench/crash.sh).
                // Unsaved changes stay small without them: the app commits after every write.
                .autoCommitBufferSize(0)
                .autoCommitDisabled()
                .open();
    }

    /** The H2 file never shrinks while open (deleted chunks leave holes), so it is compacted before each start. */
    private static void compact(Path file) {
        if (Files.isRegularFile(file)) {
            long before = file.toFile().length();
            MVStoreTool.compact(file.toString(), true);
            LOG.info(() -> "Compacted " + file + ": " + before + " -> " + file.toFile().length() + " bytes");
        }
    }

    /** An app write is on its way to the store: no commit until it is answered. */
    void writeStarted() {
        writesUnderWay.readLock().lock();
    }

    void writeEnded() {
        writesUnderWay.readLock().unlock();
    }

    /**
     * Writes what the store holds in memory to its file now, between writes: it waits for the app's writes
     * under way and holds back new ones for the moment it takes (see {@link CommitAfterWrites} for why).
     */
    void commit() {
        if (h2File == null) {
            return;
        }
        boolean alone = false;
        try {
            alone = writesUnderWay.writeLock().tryLock(COMMIT_WAIT_SECONDS, TimeUnit.SECONDS);
            if (!alone) {
                // A write that never ended must not stop durability for everyone else.
                LOG.warning("Committing the embedded store while a write is still under way");
            }
            h2File.commit();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            h2File.commit();
        } finally {
            if (alone) {
                writesUnderWay.writeLock().unlock();
            }
        }
    }

    /**
     * Commits what writes from outside the app left unsaved (a benchmark's own driver, another node using this
     * store): with H2's own commits off, nothing else would, and they would pile up in the heap. Called every
     * 20 ms: at 100 MB/s that is a few megabytes per commit (every 250 ms left H2 needing a 120 MB buffer,
     * which a 512 MiB heap could not give). Only the app's own writes are guaranteed whole at a commit; the
     * embedded store is for one node (a cluster uses MongoDB).
     */
    private void commitUnsaved() {
        if (h2File != null && h2File.hasUnsavedChanges()) {
            commit();
        }
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

    @Override
    public void close() {
        outsideWriteCommits.shutdownNow();
        server.shutdown();
    }
}
