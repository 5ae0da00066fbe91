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

    /** "server s + client s" since {@link #start}, divided by the GiB moved. */
    String lap(double gib) {
        return String.format("%.1f + %.1f", (serverSeconds() - serverStart) / gib, (clientSeconds() - clientStart) / gib);
    }

    private double serverSeconds() {
        return processSeconds(serverPid);
    }

    /** CPU seconds a process has used so far (0 if it is not there). */
    static double processSeconds(long pid) {
        if (pid <= 0) {
            return 0;
        }
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // utime and stime are fields 14 and 15 of /proc/pid/stat; 12 and 13 after the command name.
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** CPU seconds used so far by the live Chromium processes (browser, renderers, GPU, network; not the driver). */
    static double browserSeconds() {
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().command().orElse("").contains("chromium")
                        && !p.info().command().orElse("").contains("chromedriver"))
                .mapToDouble(p -> processSeconds(p.pid())).sum();
    }

    /** Busy and total CPU seconds of the whole machine so far, all cores (from /proc/stat). */
    static double[] machineSeconds() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long total = 0;
            for (int i = 1; i < Math.min(f.length, 9); i++) {
                total += Long.parseLong(f[i]);
            }
            long idle = Long.parseLong(f[4]) + Long.parseLong(f[5]);
            return new double[] {(total - idle) / TICKS_PER_SECOND, total / TICKS_PER_SECOND};
        } catch (IOException | RuntimeException e) {
            return new double[] {0, 0};
        }
    }

    private static double clientSeconds() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime() / 1e9;
    }
}
