package vn.mydrive.platform.security;

/** A token a request carried, and whether it came in the session cookie (as browsers send it). */
public record PresentedToken(String token, boolean fromCookie) {
}
