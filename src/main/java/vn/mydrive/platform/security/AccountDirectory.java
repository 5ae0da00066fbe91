package vn.mydrive.platform.security;

/**
 * Whether a name belongs to an account, for features that point at people (sharing a file with someone) without
 * reaching into how accounts are kept. The accounts feature provides it.
 */
public interface AccountDirectory {

    /** Whether an account (enabled or not) has this name, in any case. */
    boolean exists(String username);
}
