package vn.mydrive.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Samples another JVM's heap with {@code jstat -gc} every 200 ms: the heap in use (all generations) and the
 * old generation in use, which is what stays after young collections. Peaks are kept between resets.
 */
final class HeapSampler implements AutoCloseable {

    private final Process jstat;
    private final Thread reader;
    private final AtomicLong lastUsedKib = new AtomicLong();
    private final AtomicLong peakUsedKib = new AtomicLong();
    private final AtomicLong lastOldKib = new AtomicLong();
    private final AtomicLong peakOldKib = new AtomicLong();

    HeapSampler(long pid) throws IOException {
        jstat = new ProcessBuilder("jstat", "-gc", Long.toString(pid), "200").redirectErrorStream(true).start();
        reader = new Thread(this::read, "jstat-reader");
        reader.setDaemon(true);
        reader.start();
    }

    private void read() {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(jstat.getInputStream()))) {
            String header = lines.readLine();
            if (header == null) {
                return;
            }
            String[] names = header.trim().split("\\s+");
            for (String line; (line = lines.readLine()) != null; ) {
                String[] values = line.trim().split("\\s+");
                if (values.length != names.length || values[0].equals(names[0])) {
                    continue;
                }
                double used = 0;
                double old = 0;
                for (int i = 0; i < names.length; i++) {
                    switch (names[i]) {
                        case "S0U", "S1U", "EU" -> used += Double.parseDouble(values[i]);
                        case "OU" -> {
                            used += Double.parseDouble(values[i]);
                            old = Double.parseDouble(values[i]);
                        }
                        default -> {
                        }
                    }
                }
                lastUsedKib.set((long) used);
                peakUsedKib.accumulateAndGet((long) used, Math::max);
                lastOldKib.set((long) old);
                peakOldKib.accumulateAndGet((long) old, Math::max);
            }
        } catch (IOException | NumberFormatException e) {
            // jstat ended with the target JVM.
        }
    }

    /** Starts a new measurement period. */
    void reset() {
        peakUsedKib.set(lastUsedKib.get());
        peakOldKib.set(lastOldKib.get());
    }

    long usedMib() {
        return lastUsedKib.get() / 1024;
    }

    long peakUsedMib() {
        return peakUsedKib.get() / 1024;
    }

    long oldMib() {
        return lastOldKib.get() / 1024;
    }

    long peakOldMib() {
        return peakOldKib.get() / 1024;
    }

    @Override
    public void close() {
        jstat.destroy();
    }
}
