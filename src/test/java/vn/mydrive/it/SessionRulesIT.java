package vn.mydrive.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.mydrive.testkit.Accounts.PASSWORD;
import static vn.mydrive.testkit.Accounts.bearer;
import static vn.mydrive.testkit.Accounts.credentials;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URL;
import java.time.Duration;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.mydrive.testkit.Accounts;
import vn.mydrive.testkit.ApiClient;

/**
 * One live session per account: a second sign-in is refused while the first session's client is there,
 * take-over ends it at once and tells its holder why, sign-out frees the account, a client that went away stops
 * counting, and one that stays silent loses its session after its idle timeout. Tests of the idle rule ask for
 * a short idle timeout of their own at sign-in (the server's is the production one) and wait for outcomes,
 * never for fixed times.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SessionRulesIT {

    /** The idle timeout the idle tests ask for; long beside a request's time, short beside the suite's. */
    private static final long IDLE_SECONDS = 12;
    private static final Duration PATIENCE = Duration.ofSeconds(90);

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.builtWar();
    }

    @ArquillianResource
    URL deployment;

    private ApiClient api;
    private Accounts accounts;

    @BeforeEach
    void connect() {
        api = new ApiClient(deployment);
        accounts = new Accounts(api);
    }

    @Test
    void aSecondSignInIsRefusedWhileTheFirstClientIsThere() {
        String name = accounts.register(Accounts.uniqueName("single"));
        String first = accounts.signIn(name);

        ApiClient.Reply second = api.post("api/auth/login", credentials(name, PASSWORD));

        assertEquals(409, second.status(), second::toString);
        assertEquals("already_signed_in", second.error());
        assertTrue(second.json().getString("message").contains("already signed in on another device"), second::toString);
        assertEquals(200, api.get("api/auth/me", bearer(first)).status());
    }

    @Test
    void takeOverEndsTheOldSessionAtOnceAndTellsItsHolderWhy() {
        String name = accounts.register(Accounts.uniqueName("takeover"));
        String first = accounts.signIn(name);
        // Used just before, so this node holds the session as recently read (RecentSessions): the take-over still wins.
        assertEquals(200, api.get("api/auth/me", bearer(first)).status());

        ApiClient.Reply second = api.post("api/auth/login", takeOver(name, PASSWORD), "X-Forwarded-For", "203.0.113.7");

        assertEquals(200, second.status(), second::toString);
        String secondToken = second.json().getString("token");
        assertNotEquals(first, secondToken);
        ApiClient.Reply old = api.get("api/auth/me", bearer(first));
        assertEquals(401, old.status());
        assertEquals("session_ended", old.error());
        String why = old.json().getString("message");
        assertTrue(why.contains("signed in on another device") && why.contains("203.0.113.7"), why);
        assertEquals(200, api.get("api/auth/me", bearer(secondToken)).status());
    }

    @Test
    void takeOverNeedsTheRightPassword() {
        String name = accounts.register(Accounts.uniqueName("takeover-bad"));
        String first = accounts.signIn(name);

        ApiClient.Reply attempt = api.post("api/auth/login", takeOver(name, "wrong password!"),
                "X-Forwarded-For", "10.2.0.1");

        assertEquals(401, attempt.status());
        assertEquals(200, api.get("api/auth/me", bearer(first)).status());
    }

    @Test
    void signOutFreesTheAccountForAnotherClient() {
        String name = accounts.register(Accounts.uniqueName("signout"));
        String first = accounts.signIn(name);

        assertEquals(204, api.post("api/auth/logout", null, bearer(first)).status());

        assertEquals(200, api.post("api/auth/login", credentials(name, PASSWORD)).status());
        ApiClient.Reply old = api.get("api/auth/me", bearer(first));
        assertEquals(401, old.status());
        assertTrue(old.json().getString("message").contains("signed out"), old::toString);
    }

    @Test
    void aClientThatWentAwayNoLongerBlocksASignInElsewhere() throws InterruptedException {
        String name = accounts.register(Accounts.uniqueName("gone"));
        String first = signIn(name, IDLE_SECONDS);

        // The first client shows no more life (a closed browser). Other clients keep trying to sign in; once
        // the first has been gone long enough, a plain sign-in succeeds without taking over anything.
        ApiClient.Reply second = eventually(() -> api.post("api/auth/login", credentials(name, PASSWORD)));

        assertEquals(200, second.status(), second::toString);
        assertEquals("session_ended", api.get("api/auth/me", bearer(first)).error());
    }

    @Test
    void aSilentClientLosesItsSessionAfterItsIdleTimeout() throws InterruptedException {
        String name = accounts.register(Accounts.uniqueName("idle"));
        String token = signIn(name, IDLE_SECONDS);
        String admin = accounts.signInTakingOver("admin", Accounts.ADMIN_PASSWORD, Accounts.anyAddress());

        // Watched through the admin's list of live sessions, which does not count as the client's sign of life.
        eventually(() -> {
            ApiClient.Reply sessions = api.get("api/admin/sessions", bearer(admin));
            boolean listed = sessions.body().contains("\"username\":\"" + name + "\"");
            return new ApiClient.Reply(listed ? 409 : 200, sessions.headers(), sessions.body());
        });

        ApiClient.Reply after = api.get("api/auth/me", bearer(token));
        assertEquals(401, after.status());
        assertEquals("session_ended", after.error());
    }

    @Test
    void aClientThatKeepsShowingSignsOfLifeKeepsItsSession() throws InterruptedException {
        String name = accounts.register(Accounts.uniqueName("alive"));
        String token = signIn(name, IDLE_SECONDS);

        // Life shown every second, for well over twice the idle timeout.
        long until = System.nanoTime() + Duration.ofSeconds(IDLE_SECONDS * 2 + 4).toNanos();
        while (System.nanoTime() < until) {
            assertEquals(200, api.get("api/auth/me", bearer(token)).status());
            Thread.sleep(1_000);
        }

        assertEquals(409, api.post("api/auth/login", credentials(name, PASSWORD)).status());
    }

    @Test
    void aShorterIdleTimeoutIsGrantedALongerOneIsNot() {
        String name = accounts.register(Accounts.uniqueName("timeouts"));

        JsonObject shorter = login(name, 60);
        api.post("api/auth/logout", null, bearer(shorter.getString("token")));
        JsonObject longer = login(name, 86_400 * 365L);

        assertEquals(60, shorter.getJsonNumber("idleSeconds").longValue());
        assertEquals(15 * 60, longer.getJsonNumber("idleSeconds").longValue(), "the server's own idle timeout is the most");
    }

    private String signIn(String name, long idleSeconds) {
        return login(name, idleSeconds).getString("token");
    }

    private JsonObject login(String name, long idleSeconds) {
        ApiClient.Reply reply = api.post("api/auth/login", Json.createObjectBuilder().add("username", name)
                .add("password", PASSWORD).add("idleSeconds", idleSeconds).build().toString());
        assertEquals(200, reply.status(), reply::toString);
        return reply.json();
    }

    /** Repeats a request, a second apart, until it answers 200 (or the patience runs out). */
    private static ApiClient.Reply eventually(java.util.function.Supplier<ApiClient.Reply> request)
            throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        ApiClient.Reply last = request.get();
        while (last.status() != 200 && System.nanoTime() < deadline) {
            Thread.sleep(1_000);
            last = request.get();
        }
        return last;
    }

    private static String takeOver(String username, String password) {
        return Json.createObjectBuilder().add("username", username).add("password", password)
                .add("takeOver", true).build().toString();
    }
}
