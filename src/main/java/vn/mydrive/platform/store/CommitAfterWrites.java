package vn.mydrive.platform.store;

import com.mongodb.event.CommandFailedEvent;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import com.mongodb.event.CommandSucceededEvent;
import java.util.Set;

/**
 * Makes every acknowledged write to the embedded store durable before the app sees the acknowledgement, as a
 * journaled MongoDB write is: the driver calls this on the writing thread, after the reply and before
 * returning. So an upload segment the client was told is stored survives the process being killed.
 *
 * <p>A commit never happens in the middle of a write: the embedded store updates a collection and its indexes
 * one after the other, and a commit taken between the two, then a kill, left chunks on disk that their index
 * did not know (found by bench/crash.sh: they could never be deleted by key). So a write is marked under way
 * from the moment the driver sends it until its reply, and {@link EmbeddedMongoServer#commit} waits for the
 * writes under way and holds back new ones for the moment it takes. H2's own commits are off for the same
 * reason.
 */
final class CommitAfterWrites implements CommandListener {

    private static final Set<String> WRITES = Set.of("insert", "update", "delete", "findAndModify", "createIndexes",
            "drop", "dropIndexes");

    private final EmbeddedMongoServer store;

    CommitAfterWrites(EmbeddedMongoServer store) {
        this.store = store;
    }

    @Override
    public void commandStarted(CommandStartedEvent event) {
        if (WRITES.contains(event.getCommandName())) {
            store.writeStarted();
        }
    }

    @Override
    public void commandSucceeded(CommandSucceededEvent event) {
        if (WRITES.contains(event.getCommandName())) {
            store.writeEnded();
            store.commit();
        }
    }

    @Override
    public void commandFailed(CommandFailedEvent event) {
        if (WRITES.contains(event.getCommandName())) {
            store.writeEnded();
        }
    }
}
