package vn.mydrive.auth;

import java.time.Duration;
import java.util.Optional;

/**
 * What a client sends to sign in.
 *
 * @param takeOver      end a session of the account that is still held elsewhere
 * @param idleTimeout   a shorter idle timeout than the server's, for a shared computer
 * @param deviceToken   the token this client got at an earlier sign-in, if any
 * @param clientAddress where the attempt comes from
 */
public record SignInAttempt(String username, String password, boolean takeOver, Optional<Duration> idleTimeout,
                            String deviceToken, String clientAddress) {
}
