package vn.mydrive.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntPredicate;

/**
 * A closed loop: {@code threads} callers each repeat a request as soon as the last one is answered, for a
 * while. Gives requests per second and latency percentiles; a request that answers false counts as an error.
 */
final class RequestLoop {

    /** What a loop measured. */
    record Result(int requests, int errors, double seconds, Latencies latencies) {
        double perSecond() {
            return requests / seconds;
        }

        String line(String label) {
            return String.format("%-34s %8.1f req/s   p50 %7.2f ms   p99 %7.2f ms   %d requests, %d errors",
                    label, perSecond(), latencies.percentile(50), latencies.percentile(99), requests, errors);
        }
    }

    private RequestLoop() {
    }

    /** Runs {@code request} (given the caller's number) on {@code threads} threads for {@code seconds}. */
    static Result run(int threads, double seconds, IntPredicate request) throws Exception {
        Latencies latencies = new Latencies();
        AtomicInteger errors = new AtomicInteger();
        long start = System.nanoTime();
        long end = start + (long) (seconds * 1e9);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> callers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int caller = t;
                callers.add(pool.submit(() -> {
                    while (System.nanoTime() < end) {
                        long sent = System.nanoTime();
                        boolean ok;
                        try {
                            ok = request.test(caller);
                        } catch (RuntimeException e) {
                            ok = false;
                        }
                        latencies.add(System.nanoTime() - sent);
                        if (!ok) {
                            errors.incrementAndGet();
                        }
                    }
                }));
            }
            for (Future<?> caller : callers) {
                caller.get();
            }
        } finally {
            pool.shutdownNow();
        }
        return new Result(latencies.count(), errors.get(), (System.nanoTime() - start) / 1e9, latencies);
    }
}
