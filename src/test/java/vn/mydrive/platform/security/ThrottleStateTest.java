package vn.mydrive.platform.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ThrottleStateTest {

    private static final ThrottleState.Rules RULES =
            new ThrottleState.Rules(3, Duration.ofMinutes(15), Duration.ofSeconds(30), Duration.ofMinutes(15));
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void failuresBelowTheLimitDoNotLock() {
        ThrottleState state = ThrottleState.NONE.afterFailure(T0, RULES).afterFailure(T0.plusSeconds(1), RULES);

        assertEquals(2, state.failures());
        assertTrue(state.retryAfter(T0.plusSeconds(2)).isEmpty());
    }

    @Test
    void eachFailurePastTheLimitDoublesTheLock() {
        ThrottleState state = failures(3, T0);
        assertEquals(Duration.ofSeconds(30), state.retryAfter(T0).orElseThrow());

        state = state.afterFailure(T0, RULES);
        assertEquals(Duration.ofSeconds(60), state.retryAfter(T0).orElseThrow());

        state = state.afterFailure(T0, RULES);
        assertEquals(Duration.ofSeconds(120), state.retryAfter(T0).orElseThrow());
    }

    @Test
    void theLockNeverExceedsTheLongestLockAndAlwaysEnds() {
        ThrottleState state = failures(60, T0);

        assertEquals(Duration.ofMinutes(15), state.retryAfter(T0).orElseThrow());
        assertTrue(state.retryAfter(T0.plus(Duration.ofMinutes(15))).isEmpty());
    }

    @Test
    void aNewWindowStartsCountingAfresh() {
        ThrottleState state = failures(2, T0).afterFailure(T0.plus(Duration.ofMinutes(16)), RULES);

        assertEquals(1, state.failures());
        assertTrue(state.retryAfter(T0.plus(Duration.ofMinutes(16))).isEmpty());
    }

    private static ThrottleState failures(int n, Instant at) {
        ThrottleState state = ThrottleState.NONE;
        for (int i = 0; i < n; i++) {
            state = state.afterFailure(at, RULES);
        }
        return state;
    }
}
