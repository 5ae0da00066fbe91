/**
 * Accounts and sign-in sessions: registration (password rules, sign-up limits), sign-in (PBKDF2, throttling with
 * device tokens, the one-session rule), the tokens' sessions and how they end, the browser's cookies, and the
 * sign-in page and API. It is the only feature that knows sessions; others see a caller through the standard
 * security APIs, and a session's end through {@link vn.mydrive.platform.events.SessionEnded}.
 *
 * <p>May use: {@code vn.mydrive.platform}. Never another feature.
 */
package vn.mydrive.auth;
