package vn.mydrive.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time spent by the server process (from /proc, Linux) and by this process between {@link #start} and
 * {@link #lap}: on a 2-core machine throughput is bounded by the CPU each byte costs, so this shows where.
 */
final class CpuClock {

    private static final double TICKS_PER_SECOND = 100.0;

    private final long serverPid;
    private double serverStart;
    private double clientStart;

    CpuClock(long serverPid) {
        this.serverPid = serverPid;
    }

    void start() {
        serverStart = serverSeconds();
        clientStart = clientSeconds();
    }

    /** "server s + client s" since {@link #start}. */
    String lap() {
        return String.format("%.1f + %.1f", serverSeconds() - serverStart, clientSeconds() - clientStart);
    }

    private double serverSeconds() {
        if (serverPid <= 0) {
            return 0;
        }
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(serverPid), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // utime and stime are fields 14 and 15 of /proc/pid/stat; 12 and 13 after the command name.
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    private static double clientSeconds() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime() / 1e9;
    }
}
