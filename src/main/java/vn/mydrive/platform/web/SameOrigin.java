package vn.mydrive.platform.web;

import java.net.URI;

/**
 * Whether an {@code Origin} (or {@code Referer}) names the host a request was sent to: the check that tells the
 * app's own pages from other sites, for cookie-authenticated API calls and WebSocket handshakes alike.
 */
public final class SameOrigin {

    private SameOrigin() {
    }

    /**
     * @param origin the {@code Origin} or {@code Referer} header, may be null
     * @param secure whether the request itself came over TLS
     * @param host   the request's {@code Host} header
     */
    public static boolean matches(String origin, boolean secure, String host) {
        if (origin == null || host == null) {
            return false;
        }
        try {
            URI uri = URI.create(origin.trim());
            return (secure ? "https" : "http").equalsIgnoreCase(uri.getScheme())
                    && host.equalsIgnoreCase(uri.getRawAuthority());
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
