package vn.mydrive.covid;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The COVID data every node shares: provinces, one row per province per day, reported totals, the data's version,
 * the history of refresh runs, and the lease that lets one node at a time refresh.
 */
public interface CovidRepository {

    /** Whether the bundled snapshot was loaded into this store (by any node, at any time). */
    boolean snapshotLoaded();

    void markSnapshotLoaded();

    void saveProvinces(List<Province> list);

    /** Inserts rows that are not stored yet (the snapshot); rows already there are left as they are. */
    int insertMissing(List<DailyFigure> rows, String source);

    /** Writes rows (each replacing the stored row for its province and day). */
    void saveDaily(List<DailyFigure> rows, String source);

    void saveTotals(List<ProvinceTotal> rows);

    /** Records a successful change of the data and returns the new version. */
    long bumpVersion(String source, Instant at);

    long version();

    /** Everything, to hold in memory. */
    CovidDataset load();

    void recordRun(RefreshRun run);

    /** The newest runs first. */
    List<RefreshRun> recentRuns(int limit);

    /** Keeps the run history bounded. */
    void trimRuns();

    /**
     * Takes the refresh lease for {@code node} if it is free, expired, or already this node's. One
     * single-document operation: of two nodes trying at once, one inserts or updates and the other fails.
     */
    boolean takeLease(String node, Duration length);

    void releaseLease(String node);
}
