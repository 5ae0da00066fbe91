package vn.mydrive.platform.events;

import vn.mydrive.platform.security.SessionEnding;

/**
 * A sign-in session ended on this node (signed out, taken over, gone idle, ended by an admin). Whatever holds
 * something open for that session (a transfer socket) lets go of it at once; other nodes notice within their
 * next check of the store.
 *
 * @param tokenId the ended session's token id ({@code jti})
 */
public record SessionEnded(String username, String tokenId, SessionEnding ending) {
}
