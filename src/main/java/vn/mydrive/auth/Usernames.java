package vn.mydrive.auth;

import java.util.regex.Pattern;

/**
 * What a username may be (its key, which makes "Alice" and "alice" one account, is {@code AccountKey}). Usernames
 * are ASCII on purpose: look-alike letters from other scripts would let one person pose as another.
 */
final class Usernames {

    static final int MIN_LENGTH = 3;
    static final int MAX_LENGTH = 32;
    private static final Pattern ALLOWED = Pattern.compile("[A-Za-z0-9._-]{" + MIN_LENGTH + "," + MAX_LENGTH + "}");

    private Usernames() {
    }

    static boolean isValid(String username) {
        return username != null && ALLOWED.matcher(username).matches();
    }
}
