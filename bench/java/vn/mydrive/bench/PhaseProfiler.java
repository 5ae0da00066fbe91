package vn.mydrive.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import com.sun.tools.attach.AgentInitializationException;
import com.sun.tools.attach.AgentLoadException;
import com.sun.tools.attach.AttachNotSupportedException;
import com.sun.tools.attach.VirtualMachine;

/**
 * async-profiler attached to a running JVM (the server, or the benchmark's own client) for one phase of a benchmark
 * at a time (loaded through the attach API, as its own launcher does), so that each phase's profile holds that phase
 * only: no start-up, no JIT warm-up of other phases. It samples CPU time without safepoint bias, or allocations.
 *
 * <p>System properties: {@code profile.lib} (the agent's {@code libasyncProfiler.so}; unset: no profiling),
 * {@code profile.event} ({@code cpu}, the default, or {@code alloc}), {@code profile.dir} (where the folded stacks
 * go: one {@code <phase><suffix>-<event>.collapsed} per phase). Profiling this process needs
 * {@code -Djdk.attach.allowAttachSelf=true}.
 */
final class PhaseProfiler {

    private final long pid;
    private final String suffix;
    private final String lib = System.getProperty("profile.lib");
    private final String event = System.getProperty("profile.event", "cpu");
    private final Path dir = Path.of(System.getProperty("profile.dir", "target/bench/profiles"));

    /** The server's profiler: files named {@code <phase>-<event>.collapsed}. */
    static PhaseProfiler server(long pid) {
        return new PhaseProfiler(pid, "");
    }

    /** This process's profiler: files named {@code <phase>-client-<event>.collapsed}. */
    static PhaseProfiler client() {
        return new PhaseProfiler(ProcessHandle.current().pid(), "-client");
    }

    private PhaseProfiler(long pid, String suffix) {
        this.pid = pid;
        this.suffix = suffix;
    }

    void start() {
        // ctimer: a CPU-time timer per thread, JVM threads too (GC, JIT), without perf_events (which containers lack)
        // and without itimer's one signal for the whole process, which lost most samples on two busy cores.
        run(event.equals("alloc") ? "start,event=alloc,alloc=256k,threads" : "start,event=ctimer,interval=1ms,threads");
    }

    /** Stops and writes the phase's folded stacks (for allocations, bytes rather than sample counts). */
    void stop(String phase) {
        if (lib == null || pid <= 0) {
            return;
        }
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        Path out = dir.resolve(phase + suffix + "-" + event + ".collapsed").toAbsolutePath();
        run("stop,collapsed" + (event.equals("alloc") ? ",total" : "") + ",file=" + out);
        System.out.printf("       profile of %s (%s): %s%n", phase, event, out);
    }

    private void run(String command) {
        if (lib == null || pid <= 0) {
            return;
        }
        // Through the attach API, as async-profiler's own launcher does: jcmd's JVMTI.agent_load would read the
        // options' "=" as its own argument syntax.
        try {
            VirtualMachine vm = VirtualMachine.attach(Long.toString(pid));
            try {
                vm.loadAgentPath(lib, command);
            } finally {
                vm.detach();
            }
        } catch (AttachNotSupportedException | AgentLoadException | AgentInitializationException e) {
            throw new IllegalStateException("async-profiler " + command + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
