package vn.mydrive.platform.concurrent;

import jakarta.enterprise.concurrent.ManagedExecutorDefinition;

/**
 * The app's own managed executor (Jakarta Concurrency 3), for transfer segments, file streaming and data
 * refreshes. Defined by the app rather than borrowed from the server's default, whose sizing differs per
 * server: Payara's default runs with no core threads and an unbounded queue, which is one thread in practice.
 */
@ManagedExecutorDefinition(name = Workers.JNDI_NAME, maxAsync = Workers.MAX_ASYNC)
public final class Workers {

    public static final String JNDI_NAME = "java:app/concurrent/mydrive-workers";
    /** Tasks that may run at once; segment memory is bounded separately (TransferWorkers). */
    public static final int MAX_ASYNC = 16;

    private Workers() {
    }
}
