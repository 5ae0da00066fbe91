package vn.mydrive.covid;

import java.time.Instant;

/** One refresh of one source: what it found and whether it could be used. */
public record RefreshRun(String source, String node, Instant startedAt, Instant endedAt, Outcome outcome,
                         int rowsChanged, String message) {

    /** How a run ended. */
    public enum Outcome { OK, FAILED, SKIPPED }
}
