package vn.mydrive.auth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.mydrive.platform.security.ThrottleState;
import vn.mydrive.platform.security.Throttles;

/**
 * Slows password guessing without letting a guesser lock the owner out (OWASP's device cookies). A client that
 * has signed in to the account before presents its device token and has a failure budget of its own; every
 * other client shares the account's budget and its address's. So failures from anywhere can lock the account
 * for unknown clients, never for the owner's known devices. Sign-ups are counted per address the same way.
 */
@ApplicationScoped
class LoginThrottle {

    @Inject
    Throttles throttles;

    @Inject
    @ConfigProperty(name = "mydrive.login.failures-per-account")
    int failuresPerAccount;

    @Inject
    @ConfigProperty(name = "mydrive.login.failures-per-address")
    int failuresPerAddress;

    @Inject
    @ConfigProperty(name = "mydrive.login.failure-window")
    Duration window;

    @Inject
    @ConfigProperty(name = "mydrive.login.first-lock")
    Duration firstLock;

    @Inject
    @ConfigProperty(name = "mydrive.login.longest-lock")
    Duration longestLock;

    @Inject
    @ConfigProperty(name = "mydrive.signup.per-address")
    int signUpsPerAddress;

    @Inject
    @ConfigProperty(name = "mydrive.signup.window")
    Duration signUpWindow;

    /**
     * The wait still to serve before this sign-in may be tried.
     *
     * @param knownDevice the client's device token when it is known for this account, else null
     */
    Optional<Duration> retryAfter(String accountKey, String address, String knownDevice, Instant now) {
        if (knownDevice != null) {
            return throttles.retryAfter(deviceId(knownDevice), now);
        }
        return Throttles.longer(throttles.retryAfter(accountId(accountKey), now),
                throttles.retryAfter(addressId(address), now));
    }

    void recordFailure(String accountKey, String address, String knownDevice, Instant now) {
        if (knownDevice != null) {
            record(deviceId(knownDevice), failureRules(failuresPerAccount), now);
            return;
        }
        record(accountId(accountKey), failureRules(failuresPerAccount), now);
        record(addressId(address), failureRules(failuresPerAddress), now);
    }

    /** A right password clears the budget it was tried under (an unknown client's success clears the account's). */
    void recordSuccess(String accountKey, String knownDevice) {
        throttles.clear(knownDevice != null ? deviceId(knownDevice) : accountId(accountKey));
    }

    /** The wait before this address may try another sign-up. */
    Optional<Duration> signUpWait(String address, Instant now) {
        return throttles.retryAfter(signUpId(address), now);
    }

    /** Counts a sign-up attempt (taken names too: probing names costs the same budget). */
    void recordSignUp(String address, Instant now) {
        record(signUpId(address), new ThrottleState.Rules(signUpsPerAddress, signUpWindow, signUpWindow, signUpWindow),
                now);
    }

    private ThrottleState.Rules failureRules(int allowed) {
        return new ThrottleState.Rules(allowed, window, firstLock, longestLock);
    }

    private void record(String id, ThrottleState.Rules rules, Instant now) {
        throttles.record(id, rules, now);
    }

    private static String accountId(String accountKey) {
        return "account:" + accountKey;
    }

    private static String addressId(String address) {
        return "address:" + address;
    }

    private static String deviceId(String device) {
        return "device:" + device;
    }

    private static String signUpId(String address) {
        return "signup:" + address;
    }
}
