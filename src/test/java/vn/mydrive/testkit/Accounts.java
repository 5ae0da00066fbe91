package vn.mydrive.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import java.util.UUID;

/** Creates and signs in test accounts through the public API. */
public final class Accounts {

    public static final String PASSWORD = "correct horse battery";
    /** The bootstrapped admin's password in the test configuration (pom.xml). */
    public static final String ADMIN_PASSWORD = "steady-lantern-for-tests";

    private final ApiClient api;

    public Accounts(ApiClient api) {
        this.api = api;
    }

    /** A username no other test uses. */
    public static String uniqueName(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public static String credentials(String username, String password) {
        return Json.createObjectBuilder().add("username", username).add("password", password).build().toString();
    }

    /** Sign-in credentials that also end a live session of the account elsewhere (take-over). */
    public static String takingOver(String username, String password) {
        return Json.createObjectBuilder().add("username", username).add("password", password).add("takeOver", true)
                .build().toString();
    }

    /**
     * Registers from an address of its own: sign-up is limited per address, and the suite creates far more
     * accounts than one address may.
     */
    public String register(String username) {
        ApiClient.Reply reply = api.post("api/auth/register", credentials(username, PASSWORD), anyAddress());
        assertEquals(201, reply.status(), reply::toString);
        return username;
    }

    /** Signs in and returns the token. */
    public String signIn(String username) {
        ApiClient.Reply reply = api.post("api/auth/login", credentials(username, PASSWORD));
        assertEquals(200, reply.status(), reply::toString);
        return reply.json().getString("token");
    }

    /** Signs in, taking over any live session of the account; returns the token. */
    public String signInTakingOver(String username, String password, String... headers) {
        ApiClient.Reply reply = api.post("api/auth/login", takingOver(username, password), headers);
        assertEquals(200, reply.status(), reply::toString);
        return reply.json().getString("token");
    }

    /** Registers a new account and signs it in; returns the token. */
    public String newSignedInUser(String prefix) {
        return signIn(register(uniqueName(prefix)));
    }

    /** An {@code X-Forwarded-For} header (127.0.0.1 is a trusted proxy in the tests) naming a fresh address. */
    public static String[] anyAddress() {
        java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
        return new String[] {"X-Forwarded-For", "10." + (100 + random.nextInt(100)) + "." + random.nextInt(256) + "."
                + (1 + random.nextInt(254))};
    }

    public static String[] bearer(String token) {
        return new String[] {"Authorization", "Bearer " + token};
    }
}
