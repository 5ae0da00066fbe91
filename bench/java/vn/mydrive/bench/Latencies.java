package vn.mydrive.bench;

import java.util.Arrays;

/** Durations collected from many threads, read back as percentiles in milliseconds. */
final class Latencies {

    private long[] nanos = new long[1024];
    private int count;

    synchronized void add(long duration) {
        if (count == nanos.length) {
            nanos = Arrays.copyOf(nanos, count * 2);
        }
        nanos[count++] = duration;
    }

    synchronized int count() {
        return count;
    }

    /** The {@code p}-th percentile (nearest rank) in milliseconds, or NaN when nothing was recorded. */
    synchronized double percentile(double p) {
        if (count == 0) {
            return Double.NaN;
        }
        long[] sorted = Arrays.copyOf(nanos, count);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * count);
        return sorted[Math.max(0, Math.min(count - 1, rank - 1))] / 1e6;
    }
}
