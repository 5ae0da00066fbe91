package vn.mydrive.drive.transfer;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import vn.mydrive.platform.concurrent.Workers;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import vn.mydrive.drive.DriveSettings;

/**
 * Where transfer work runs: on the server's managed executor, never on the WebSocket I/O threads, which
 * only read frames and hand them over. A node-wide allowance of segment bytes bounds the memory all
 * transfers hold at once; a segment that does not fit is refused as "busy" (the client retries shortly), so
 * one heavy client cannot queue up the whole heap and starve the others.
 */
@ApplicationScoped
public class TransferWorkers {

    private static final int KIB = 1024;

    @Resource(lookup = Workers.JNDI_NAME)
    ManagedExecutorService executor;

    @Inject
    DriveSettings settings;

    private Semaphore allowanceKib;

    @PostConstruct
    void init() {
        allowanceKib = new Semaphore((int) Math.min(Integer.MAX_VALUE, settings.inFlightBytes() / KIB));
    }

    /** Takes {@code bytes} of the allowance, or returns false when the node is at its limit. */
    boolean reserve(int bytes) {
        return allowanceKib.tryAcquire(kib(bytes));
    }

    void release(int bytes) {
        allowanceKib.release(kib(bytes));
    }

    /** Runs a task on the managed executor; false if the executor refused it. */
    boolean submit(Runnable task) {
        try {
            executor.execute(task);
            return true;
        } catch (RejectedExecutionException e) {
            return false;
        }
    }

    /** The managed executor itself, for work that needs no allowance (replies, control messages). */
    Executor executor() {
        return executor;
    }

    private static int kib(int bytes) {
        return Math.max(1, (bytes + KIB - 1) / KIB);
    }
}
