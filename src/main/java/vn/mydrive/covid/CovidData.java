package vn.mydrive.covid;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * This node's in-memory copy of the COVID data, which every lookup reads (a lookup never touches the store).
 * It is reloaded after a refresh here and, at most every few seconds, when the stored version shows that
 * another node refreshed.
 */
@ApplicationScoped
public class CovidData {

    private static final Duration VERSION_CHECK = Duration.ofSeconds(5);

    @Inject
    CovidRepository store;

    private volatile CovidDataset current = new CovidDataset(List.of(), List.of(), List.of(),
            new CovidDataset.Freshness(null, null));
    private volatile long version = -1;
    private volatile Instant checkedAt = Instant.MIN;

    public CovidDataset current() {
        if (Instant.now().isAfter(checkedAt.plus(VERSION_CHECK))) {
            checkedAt = Instant.now();
            if (store.version() != version) {
                reload();
            }
        }
        return current;
    }

    /** Whether the data has been loaded (the app is ready to answer lookups). */
    public boolean isLoaded() {
        return !current.isEmpty();
    }

    /**
     * Answers from the bundled snapshot, held in memory only, until the store holds a complete data set: for a node
     * that starts while another holds the refresh lease before the first load finished (or died holding it, until
     * the lease runs out), so that it never answers with no figures at all. The first reload that finds a stored
     * data set replaces it.
     */
    public synchronized void useSnapshotUntilStored() {
        if (!isLoaded()) {
            current = new CovidDataset(SnapshotLoader.provinces(), SnapshotLoader.daily(), List.of(),
                    new CovidDataset.Freshness(null, SnapshotLoader.SOURCE));
        }
    }

    /** Loads the stored data, once there is a complete data set (version 0 means the first load is under way). */
    public synchronized void reload() {
        long stored = store.version();
        if (stored > 0) {
            current = store.load();
        }
        version = stored;
        checkedAt = Instant.now();
    }
}
