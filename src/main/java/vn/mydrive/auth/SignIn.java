package vn.mydrive.auth;

import java.time.Instant;
import java.util.Set;

/** A successful sign-in: the token to present from now on, and what it stands for. */
public record SignIn(String token, Instant expiresAt, String username, Set<String> roles) {
}
