package vn.mydrive.auth;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/**
 * A successful sign-in: the token to present from now on, what it stands for, and the client's device token
 * (presented at later sign-ins, it gives this client a failure budget of its own).
 */
public record SignIn(String token, Instant expiresAt, String username, Set<String> roles, Duration idleTimeout,
                     String deviceToken) {

    SignIn withDevice(String device) {
        return new SignIn(token, expiresAt, username, roles, idleTimeout, device);
    }
}
