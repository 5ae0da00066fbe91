package vn.mydrive.platform.concurrent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SerialQueueTest {

    private final ExecutorService executor = Executors.newFixedThreadPool(4);

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    @Test
    void itemsAreHandledOneAtATimeInOrder() throws InterruptedException {
        List<Integer> handled = Collections.synchronizedList(new ArrayList<>());
        int[] running = {0};
        int[] mostAtOnce = {0};
        CountDownLatch all = new CountDownLatch(1000);
        SerialQueue<Integer> queue = new SerialQueue<>(executor, item -> {
            synchronized (running) {
                mostAtOnce[0] = Math.max(mostAtOnce[0], ++running[0]);
            }
            handled.add(item);
            synchronized (running) {
                running[0]--;
            }
            all.countDown();
        }, item -> { }, 10_000);

        for (int i = 0; i < 1000; i++) {
            assertEquals(SerialQueue.Offer.ACCEPTED, queue.offer(i));
        }

        assertTrue(all.await(10, TimeUnit.SECONDS));
        assertEquals(1, mostAtOnce[0]);
        for (int i = 0; i < 1000; i++) {
            assertEquals(i, handled.get(i));
        }
    }

    @Test
    void pastItsLimitAnItemIsRefusedAndDiscarded() throws InterruptedException {
        CountDownLatch underWay = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<String> discarded = Collections.synchronizedList(new ArrayList<>());
        SerialQueue<String> queue = new SerialQueue<>(executor, item -> {
            underWay.countDown();
            await(release);
        }, discarded::add, 2);

        queue.offer("busy");
        assertTrue(underWay.await(5, TimeUnit.SECONDS));
        assertEquals(SerialQueue.Offer.ACCEPTED, queue.offer("a"));
        assertEquals(SerialQueue.Offer.ACCEPTED, queue.offer("b"));
        assertEquals(SerialQueue.Offer.FULL, queue.offer("c"));

        assertEquals(List.of("c"), discarded);
        release.countDown();
    }

    @Test
    void stoppingDiscardsWhatWaitsAndRunsTheLastActionAfterTheItemUnderWay() throws InterruptedException {
        CountDownLatch underWay = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<String> events = Collections.synchronizedList(new ArrayList<>());
        SerialQueue<String> queue = new SerialQueue<>(executor, item -> {
            underWay.countDown();
            await(release);
            events.add("handled " + item);
        }, item -> events.add("discarded " + item), 10);
        queue.offer("first");
        assertTrue(underWay.await(5, TimeUnit.SECONDS));
        queue.offer("second");

        CountDownLatch last = new CountDownLatch(1);
        queue.stop(() -> {
            events.add("last");
            last.countDown();
        });
        assertEquals(SerialQueue.Offer.REFUSED, queue.offer("third"));
        release.countDown();

        assertTrue(last.await(5, TimeUnit.SECONDS));
        assertEquals(List.of("discarded second", "discarded third", "handled first", "last"), events);
    }

    @Test
    void stoppingAnIdleQueueRunsTheLastActionAtOnce() {
        List<String> events = new ArrayList<>();
        SerialQueue<String> queue = new SerialQueue<>(executor, events::add, item -> { }, 10);

        queue.stop(() -> events.add("last"));

        assertEquals(List.of("last"), events);
        assertTrue(queue.isStopped());
    }

    @Test
    void anExecutorThatRefusesLeavesNothingBehind() {
        List<String> discarded = new ArrayList<>();
        SerialQueue<String> queue = new SerialQueue<>(task -> {
            throw new RejectedExecutionException("full");
        }, item -> { }, discarded::add, 10);

        assertEquals(SerialQueue.Offer.REFUSED, queue.offer("x"));
        assertEquals(List.of("x"), discarded);
    }

    @Test
    void aFailingItemDoesNotStopTheOthers() throws InterruptedException {
        CountDownLatch second = new CountDownLatch(1);
        SerialQueue<String> queue = new SerialQueue<>(executor, item -> {
            if (item.equals("bad")) {
                throw new IllegalStateException("bad item");
            }
            second.countDown();
        }, item -> { }, 10);

        queue.offer("bad");
        queue.offer("good");

        assertTrue(second.await(5, TimeUnit.SECONDS));
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
