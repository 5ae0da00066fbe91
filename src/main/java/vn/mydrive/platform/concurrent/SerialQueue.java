package vn.mydrive.platform.concurrent;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Handles items one at a time, in the order they were offered, on a shared executor, with no thread of its
 * own: the first item offered to an idle queue starts a drain on the executor, which runs until the queue is
 * empty. Bounded, so a producer that outruns the handler is told instead of growing the heap; stoppable, so
 * whatever is still waiting is handed back (to release what it holds) and a last action runs after the item
 * being handled, never beside it. One connection's replies (a WebSocket allows one send at a time) and one
 * connection's control messages (answered in arrival order) are both such queues.
 */
public final class SerialQueue<T> {

    private static final Logger LOG = Logger.getLogger(SerialQueue.class.getName());

    /** What became of an offered item. */
    public enum Offer {
        /** Queued; the handler will get it. */
        ACCEPTED,
        /** Refused: the queue holds its limit already. The item went to the discard action. */
        FULL,
        /** Refused: the queue was stopped, or the executor refused to run it. The item went to the discard action. */
        REFUSED
    }

    private final Executor executor;
    private final Consumer<T> handler;
    private final Consumer<T> discard;
    private final int limit;
    private final ArrayDeque<T> items = new ArrayDeque<>();
    private boolean draining;
    private boolean stopped;
    private Runnable lastAction;

    /**
     * @param handler handles one item; an exception it throws is the handler's own business (it is caught and
     *                the drain goes on)
     * @param discard receives every item that will never be handled (refused, or waiting when stopped)
     * @param limit   items that may wait at once
     */
    public SerialQueue(Executor executor, Consumer<T> handler, Consumer<T> discard, int limit) {
        this.executor = executor;
        this.handler = handler;
        this.discard = discard;
        this.limit = limit;
    }

    public Offer offer(T item) {
        synchronized (this) {
            if (stopped || items.size() >= limit) {
                Offer refusal = stopped ? Offer.REFUSED : Offer.FULL;
                discard.accept(item);
                return refusal;
            }
            items.add(item);
            if (draining) {
                return Offer.ACCEPTED;
            }
            draining = true;
        }
        try {
            executor.execute(this::drain);
            return Offer.ACCEPTED;
        } catch (RejectedExecutionException e) {
            List<T> waiting;
            synchronized (this) {
                draining = false;
                waiting = new ArrayList<>(items);
                items.clear();
            }
            waiting.forEach(discard);
            return Offer.REFUSED;
        }
    }

    /**
     * Takes no more items, discards those waiting, and runs {@code last} once the item being handled now (if
     * any) is done: on the draining thread, or at once on this one when the queue is idle. Later calls do nothing.
     */
    public void stop(Runnable last) {
        List<T> waiting;
        boolean runHere;
        synchronized (this) {
            if (stopped) {
                return;
            }
            stopped = true;
            waiting = new ArrayList<>(items);
            items.clear();
            runHere = !draining;
            if (!runHere) {
                lastAction = last;
            }
        }
        waiting.forEach(discard);
        if (runHere) {
            last.run();
        }
    }

    public synchronized boolean isStopped() {
        return stopped;
    }

    private void drain() {
        while (true) {
            T next;
            Runnable last = null;
            synchronized (this) {
                next = items.poll();
                if (next == null) {
                    draining = false;
                    last = lastAction;
                    lastAction = null;
                }
            }
            if (next == null) {
                if (last != null) {
                    last.run();
                }
                return;
            }
            try {
                handler.accept(next);
            } catch (RuntimeException e) {
                // One bad item must not stop the rest; the handler reports the failures it expects itself.
                LOG.log(Level.WARNING, "A queued task failed", e);
            }
        }
    }
}
