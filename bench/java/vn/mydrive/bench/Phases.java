package vn.mydrive.bench;

import java.util.StringJoiner;

/**
 * The phases of one benchmark round (driver write, app upload, ...): each one's CPU seconds per GiB, server and
 * client, and, when profiling is asked for, each one's profile of both processes ({@link PhaseProfiler}).
 */
final class Phases {

    private final CpuClock cpu;
    private final PhaseProfiler server;
    private final PhaseProfiler client;
    private final double gib;
    private final StringJoiner figures = new StringJoiner(", ");

    Phases(long serverPid, long bytesPerPhase) {
        this.cpu = new CpuClock(serverPid);
        this.server = PhaseProfiler.server(serverPid);
        this.client = PhaseProfiler.client();
        this.gib = bytesPerPhase / (double) (1L << 30);
    }

    void start() {
        cpu.start();
        server.start();
        client.start();
    }

    void stop(String phase) {
        String lap = cpu.lap(gib);
        server.stop(phase);
        client.stop(phase);
        figures.add(phase.replace('-', ' ') + " " + lap);
    }

    /** "driver write 8.1 + 1.7, ...": server + client CPU seconds per GiB of every phase stopped so far. */
    String cpu() {
        return figures.toString();
    }
}
