package vn.mydrive.platform.store;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.MongoServerError;
import de.bwaldvogel.mongo.wire.message.MongoMessage;
import io.netty.channel.Channel;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.h2.mvstore.MVStore;

/**
 * The embedded H2 store, answering writes the way a database acknowledges them: a write is answered only once
 * a commit to the file covers it, so whatever a client was told is stored survives {@code kill -9}. Commits are
 * grouped: one commit covers every write applied before it began, so many writers waiting at once share it and
 * the commit rate follows the load. Because every writer waits for its commit, the changes held in memory and not
 * yet saved never exceed the writes under way, whoever writes: the app or a tool using the store's port.
 *
 * <p>A commit is made only between writes, never in the middle of one: H2's own commits, made whenever its buffer
 * filled, once left a document on disk without its index entry after a kill (bench/crash.sh).
 *
 * <p>If the file store fails (a commit runs out of memory, the disk fills, the file breaks), the writes that commit
 * was to cover are refused, and so is everything else until the file is opened again, which this class does by
 * itself, retrying with a growing pause. Nothing answered as stored is lost: only saved writes were answered.
 */
final class DurableBackend extends DelegatingBackend {

    private static final Logger LOG = Logger.getLogger(DurableBackend.class.getName());
    private static final Set<String> WRITES = Set.of("insert", "update", "delete", "findandmodify", "create",
            "createindexes", "drop", "dropindexes", "dropdatabase", "renamecollection");
    private static final Duration LONGEST_PAUSE = Duration.ofSeconds(30);

    /** The file open now, and the backend reading and writing it. */
    private record Opened(MVStore file, H2Backend backend) {
    }

    /** Why the store is out of order, and since when. */
    record Failure(String reason, Instant since) {
    }

    private final Path path;
    /** Writes hold it shared while they are applied; a commit holds it alone. */
    private final ReentrantReadWriteLock applying = new ReentrantReadWriteLock();
    private final Object progress = new Object();
    private final Thread committer;
    private volatile Opened opened;
    private volatile Failure failure;
    /** Guarded by {@link #progress}: writes applied, writes covered by a commit, and writes a failed commit lost. */
    private long applied;
    private long committed;
    private long lost;
    private boolean closing;
    private boolean brokenFile;

    DurableBackend(Path path) {
        this.path = path;
        this.opened = open(path);
        this.committer = new Thread(this::commitWhileOpen, "mydrive-store-commits");
        committer.setDaemon(true);
        committer.start();
    }

    /**
     * H2's defaults let unsaved changes and cached pages grow far beyond their nominal limits when values are
     * megabyte-sized documents (their size is estimated, not measured): a 1 GiB upload ran a 512 MiB server out of
     * memory. A small cache keeps the store's heap use flat; its own commits are off (see the class comment).
     */
    private static Opened open(Path path) {
        MVStore file = new MVStore.Builder()
                .fileName(path.toString())
                .cacheSize(8)
                .autoCommitBufferSize(0)
                .autoCommitDisabled()
                .open();
        return new Opened(file, new H2Backend(file));
    }

    @Override
    protected MongoBackend delegate() {
        return opened.backend();
    }

    /** The file open now; its unsaved changes are what no acknowledgement may depend on. */
    MVStore file() {
        return opened.file();
    }

    /** What is wrong with the store now, if anything (readiness reports it). */
    Optional<Failure> failure() {
        return Optional.ofNullable(failure);
    }

    @Override
    public Document handleMessage(MongoMessage message) {
        return isWrite(commandName(message.getDocument())) ? write(() -> super.handleMessage(message))
                : read(() -> super.handleMessage(message));
    }

    @Override
    public Document handleCommand(Channel channel, String database, String command, Document query) {
        return isWrite(command) ? write(() -> super.handleCommand(channel, database, command, query))
                : read(() -> super.handleCommand(channel, database, command, query));
    }

    /** A read; one that finds the file closed under it (it failed without a commit) sets off the reopening. */
    private Document read(Supplier<Document> read) {
        try {
            return read.get();
        } catch (RuntimeException e) {
            if (opened.file().isClosed()) {
                synchronized (progress) {
                    brokenFile = true;
                    progress.notifyAll();
                }
            }
            throw e;
        }
    }

    private static boolean isWrite(String command) {
        return command != null && WRITES.contains(command.toLowerCase(Locale.ROOT));
    }

    /** Applies a write, then answers it once a commit covers it (its effects, even when it failed in part). */
    private Document write(Supplier<Document> write) {
        Failure broken = failure;
        if (broken != null) {
            throw unavailable(broken);
        }
        Document answer = null;
        RuntimeException error = null;
        long sequence;
        applying.readLock().lock();
        try {
            answer = write.get();
        } catch (RuntimeException e) {
            error = e;
        } finally {
            synchronized (progress) {
                sequence = ++applied;
                progress.notifyAll();
            }
            applying.readLock().unlock();
        }
        awaitCommitted(sequence);
        if (error != null) {
            throw error;
        }
        return answer;
    }

    private void awaitCommitted(long sequence) {
        synchronized (progress) {
            while (committed < sequence) {
                if (lost >= sequence) {
                    throw unavailable(failure != null ? failure : new Failure("the write was not saved", Instant.now()));
                }
                try {
                    progress.wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw unavailable(new Failure("interrupted while saving", Instant.now()));
                }
            }
        }
    }

    /** The committer: commits whenever writes are waiting, one commit for all of them. */
    private void commitWhileOpen() {
        while (true) {
            synchronized (progress) {
                while (!closing && !brokenFile && applied == committed) {
                    try {
                        progress.wait();
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                if (closing && applied == committed) {
                    return;
                }
                brokenFile = false;
            }
            commitOnce();
        }
    }

    private void commitOnce() {
        long target;
        RuntimeException problem = null;
        applying.writeLock().lock();
        try {
            synchronized (progress) {
                target = applied;
            }
            try {
                if (opened.file().isClosed()) {
                    throw new IllegalStateException("the file store closed itself");
                }
                opened.file().commit();
            } catch (RuntimeException e) {
                problem = e;
            }
        } finally {
            applying.writeLock().unlock();
        }
        if (problem == null) {
            synchronized (progress) {
                committed = target;
                progress.notifyAll();
            }
        } else {
            recover(target, problem);
        }
    }

    /**
     * The file store failed: the writes the commit was to cover are lost and told so, everything is refused while
     * the file is opened again (retried with a growing pause), then the store serves again from what was saved.
     */
    private void recover(long target, RuntimeException problem) {
        failure = new Failure(String.valueOf(problem.getMessage()), Instant.now());
        LOG.log(Level.SEVERE, "The embedded store failed to save; refusing requests and reopening " + path, problem);
        synchronized (progress) {
            lost = target;
            progress.notifyAll();
        }
        Duration pause = Duration.ofMillis(250);
        while (true) {
            applying.writeLock().lock();
            try {
                try {
                    opened.file().closeImmediately();
                } catch (RuntimeException alreadyBroken) {
                    // It is being replaced either way.
                }
                opened = open(path);
                synchronized (progress) {
                    lost = applied;
                    committed = applied;
                    progress.notifyAll();
                }
                failure = null;
                LOG.warning(() -> "Reopened the embedded store " + path + "; it serves again");
                return;
            } catch (RuntimeException e) {
                failure = new Failure("reopening failed: " + e.getMessage(), failure.since());
                LOG.log(Level.SEVERE, "Reopening the embedded store failed; trying again in " + pause, e);
            } finally {
                applying.writeLock().unlock();
            }
            try {
                Thread.sleep(pause.toMillis());
            } catch (InterruptedException e) {
                return;
            }
            pause = pause.multipliedBy(2).compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : pause.multipliedBy(2);
        }
    }

    private static MongoServerError unavailable(Failure failure) {
        return new MongoServerError(91, "ShutdownInProgress",
                "The embedded store cannot save right now (" + failure.reason() + "); try again shortly.");
    }

    /** Saves what is left and closes the file. */
    @Override
    public void close() {
        synchronized (progress) {
            closing = true;
            progress.notifyAll();
        }
        try {
            committer.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        super.close();
    }
}
