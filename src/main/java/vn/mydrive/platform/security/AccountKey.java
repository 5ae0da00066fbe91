package vn.mydrive.platform.security;

import java.util.Locale;

/**
 * The key an account is stored and found under, whatever case its name is typed in: "Alice" and "alice" are one
 * account, so every owner, session and usage record is keyed by this form, and two names are the same person when
 * their keys are equal. The one place that rule lives (usernames are ASCII, so the root locale lower-cases them
 * the same everywhere).
 */
public final class AccountKey {

    private AccountKey() {
    }

    public static String of(String username) {
        return username.toLowerCase(Locale.ROOT);
    }

    public static boolean same(String username, String other) {
        return of(username).equals(of(other));
    }
}
