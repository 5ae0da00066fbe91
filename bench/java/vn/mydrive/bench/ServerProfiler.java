package vn.mydrive.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * async-profiler attached to the running server for one phase of a benchmark at a time (loaded with {@code jcmd
 * PID JVMTI.agent_load}, as its own launcher does), so that each phase's profile holds that phase only: no
 * start-up, no JIT warm-up of other phases. It samples without safepoint bias (itimer), or samples allocations.
 *
 * <p>System properties: {@code profile.lib} (the agent's {@code libasyncProfiler.so}; unset: no profiling),
 * {@code profile.event} ({@code cpu}, the default, or {@code alloc}), {@code profile.dir} (where the folded stacks
 * go: one {@code <phase>-<event>.collapsed} per phase).
 */
final class ServerProfiler {

    private final long pid;
    private final String lib = System.getProperty("profile.lib");
    private final String event = System.getProperty("profile.event", "cpu");
    private final Path dir = Path.of(System.getProperty("profile.dir", "target/bench/profiles"));

    ServerProfiler(long pid) {
        this.pid = pid;
    }

    void start() {
        // itimer: CPU time of every thread, JVM threads too (GC, JIT), without perf_events, which containers lack.
        run(event.equals("alloc") ? "start,event=alloc,alloc=256k,threads" : "start,event=itimer,interval=1ms,threads");
    }

    /** Stops and writes the phase's folded stacks (for allocations, bytes rather than sample counts). */
    void stop(String phase) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        Path out = dir.resolve(phase + "-" + event + ".collapsed").toAbsolutePath();
        run("stop,collapsed" + (event.equals("alloc") ? ",total" : "") + ",file=" + out);
        System.out.printf("       profile of %s (%s): %s%n", phase, event, out);
    }

    private void run(String command) {
        if (lib == null || pid <= 0) {
            return;
        }
        try {
            Process jcmd = new ProcessBuilder("jcmd", Long.toString(pid), "JVMTI.agent_load", lib, command)
                    .redirectErrorStream(true).start();
            String said = new String(jcmd.getInputStream().readAllBytes());
            if (jcmd.waitFor() != 0 || said.contains("rror")) {
                throw new IllegalStateException("jcmd " + command + ": " + said);
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
