package vn.mydrive.platform.store;

import com.mongodb.event.CommandFailedEvent;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import com.mongodb.event.CommandSucceededEvent;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.logging.Logger;

/**
 * Makes every acknowledged write to the embedded store durable before the app sees the acknowledgement, as a
 * journaled MongoDB write is: the driver calls this on the writing thread, after the reply and before
 * returning. So an upload segment the client was told is stored survives the process being killed.
 *
 * <p>A commit never happens in the middle of a write: the embedded store updates a collection and its indexes
 * one after the other, and a commit taken between the two, then a kill, left chunks on disk that their index
 * did not know (found by bench/crash.sh: they could never be deleted by key). Writes hold a shared lock from
 * the moment the driver sends them until their reply; a commit takes the lock exclusively, so it waits for
 * the writes under way and holds back new ones for the moment it takes. H2's own background commits are off
 * ({@link EmbeddedMongoServer}) for the same reason.
 */
final class CommitAfterWrites implements CommandListener {

    private static final Set<String> WRITES = Set.of("insert", "update", "delete", "findAndModify", "createIndexes",
            "drop", "dropIndexes");

    private final EmbeddedMongoServer store;

    CommitAfterWrites(EmbeddedMongoServer store) {
        this.store = store;
    }

    private static final Logger LOG = Logger.getLogger(CommitAfterWrites.class.getName());
    private static final long COMMIT_WAIT_SECONDS = 10;

    private final ReentrantReadWriteLock writesUnderWay = new ReentrantReadWriteLock();

    @Override
    public void commandStarted(CommandStartedEvent event) {
        if (WRITES.contains(event.getCommandName())) {
            writesUnderWay.readLock().lock();
        }
    }

    @Override
    public void commandSucceeded(CommandSucceededEvent event) {
        if (WRITES.contains(event.getCommandName())) {
            writesUnderWay.readLock().unlock();
            commitBetweenWrites();
        }
    }

    @Override
    public void commandFailed(CommandFailedEvent event) {
        if (WRITES.contains(event.getCommandName())) {
            writesUnderWay.readLock().unlock();
        }
    }

    private void commitBetweenWrites() {
        boolean alone = false;
        try {
            alone = writesUnderWay.writeLock().tryLock(COMMIT_WAIT_SECONDS, TimeUnit.SECONDS);
            if (!alone) {
                // A write that never ended must not stop durability for everyone else.
                LOG.warning("Committing the embedded store while a write is still under way");
            }
            store.commit();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            store.commit();
        } finally {
            if (alone) {
                writesUnderWay.writeLock().unlock();
            }
        }
    }
}
