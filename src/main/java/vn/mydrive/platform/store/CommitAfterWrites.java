package vn.mydrive.platform.store;

import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandSucceededEvent;
import java.util.Set;

/**
 * Makes every acknowledged write to the embedded store durable before the app sees the acknowledgement, as a
 * journaled MongoDB write is: the driver calls this on the writing thread, after the reply and before
 * returning. So an upload segment the client was told is stored survives the process being killed.
 */
final class CommitAfterWrites implements CommandListener {

    private static final Set<String> WRITES = Set.of("insert", "update", "delete", "findAndModify", "createIndexes",
            "drop", "dropIndexes");

    private final EmbeddedMongoServer store;

    CommitAfterWrites(EmbeddedMongoServer store) {
        this.store = store;
    }

    @Override
    public void commandSucceeded(CommandSucceededEvent event) {
        if (WRITES.contains(event.getCommandName())) {
            store.commit();
        }
    }
}
