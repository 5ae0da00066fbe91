package vn.mydrive.platform.security;

/** The two roles (token groups) the app knows. Every account is a user; some are also admins. */
public final class Roles {

    public static final String USER = "user";
    public static final String ADMIN = "admin";

    private Roles() {
    }
}
