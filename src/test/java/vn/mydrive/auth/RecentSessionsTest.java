package vn.mydrive.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What a node keeps of the sessions it read: one store read per account within the moment, a new read once the
 * moment passed, and no session kept once this node changed it, even when the change came during the read.
 */
class RecentSessionsTest {

    private final AtomicLong nanos = new AtomicLong();
    private final AtomicInteger reads = new AtomicInteger();
    private final AtomicReference<Optional<Session>> stored = new AtomicReference<>(Optional.of(session("t1")));
    private final Function<String, Optional<Session>> store = key -> {
        reads.incrementAndGet();
        return stored.get();
    };

    @Test
    void aBurstWithinTheMomentReadsTheStoreOnce() {
        RecentSessions recent = recent(Duration.ofSeconds(1));
        for (int i = 0; i < 50; i++) {
            assertEquals("t1", recent.find("ana", store).orElseThrow().tokenId());
            nanos.addAndGet(Duration.ofMillis(10).toNanos());
        }
        assertEquals(1, reads.get());
    }

    @Test
    void onceTheMomentPassedTheStoreIsReadAgain() {
        RecentSessions recent = recent(Duration.ofSeconds(1));
        recent.find("ana", store);
        stored.set(Optional.empty());
        nanos.addAndGet(Duration.ofMillis(1_001).toNanos());
        assertEquals(Optional.empty(), recent.find("ana", store));
        assertEquals(2, reads.get());
    }

    @Test
    void aChangeOnThisNodeIsSeenByTheNextRequest() {
        RecentSessions recent = recent(Duration.ofSeconds(1));
        recent.find("ana", store);
        stored.set(Optional.of(session("t2")));
        recent.forget("ana");
        assertEquals("t2", recent.find("ana", store).orElseThrow().tokenId());
    }

    @Test
    void accountsAreKeptApart() {
        RecentSessions recent = recent(Duration.ofSeconds(1));
        recent.find("ana", store);
        recent.forget("binh");
        recent.find("ana", store);
        recent.find("binh", store);
        assertEquals(2, reads.get());
    }

    @Test
    void zeroReadsAtEveryRequest() {
        RecentSessions recent = recent(Duration.ZERO);
        recent.find("ana", store);
        recent.find("ana", store);
        assertEquals(2, reads.get());
    }

    /**
     * A sign-out on this node while a request is reading the old session from the store: the request may see the
     * old session (it read it before the change), but nothing keeps it for the requests after the sign-out.
     */
    @Test
    @Timeout(30)
    void aChangeDuringAReadLeavesNothingStale() throws InterruptedException {
        RecentSessions recent = recent(Duration.ofSeconds(1));
        CountDownLatch reading = new CountDownLatch(1);
        CountDownLatch signOutWaits = new CountDownLatch(1);
        Function<String, Optional<Session>> slowStore = key -> {
            Optional<Session> before = stored.get();
            reading.countDown();
            await(signOutWaits);
            return before;
        };
        Thread request = new Thread(() -> recent.find("ana", slowStore));
        request.start();
        await(reading);
        Thread signOut = new Thread(() -> {
            stored.set(Optional.empty());
            recent.forget("ana");
        });
        signOut.start();
        // The read ends only once the sign-out is waiting for it (or, were it not to wait, has already ended).
        Set<Thread.State> waitingOrDone = EnumSet.of(Thread.State.BLOCKED, Thread.State.WAITING, Thread.State.TERMINATED);
        while (!waitingOrDone.contains(signOut.getState())) {
            Thread.onSpinWait();
        }
        signOutWaits.countDown();
        request.join();
        signOut.join();
        assertEquals(Optional.empty(), recent.find("ana", store), "the old session outlived the sign-out");
        assertEquals(1, reads.get(), "the store is read again after the sign-out");
    }

    private RecentSessions recent(Duration recheckAfter) {
        RecentSessions recent = new RecentSessions();
        recent.recheckAfter = recheckAfter;
        recent.ticker = nanos::get;
        recent.open();
        return recent;
    }

    private static Session session(String tokenId) {
        Instant now = Instant.parse("2026-12-03T08:00:00Z");
        return new Session("ana", tokenId, Set.of("user"), now, now, now.plus(Duration.ofHours(8)), "203.0.113.7",
                Duration.ofMinutes(15));
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
