package vn.mydrive.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static vn.mydrive.it.Accounts.PASSWORD;
import static vn.mydrive.it.Accounts.bearer;
import static vn.mydrive.it.Accounts.credentials;

import jakarta.json.Json;
import java.net.URL;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * One live session per account: a second sign-in is refused while the first lives, take-over ends it at
 * once, sign-out frees the account, and a client that stops showing signs of life loses its session after
 * the idle timeout (8 s in the test server's configuration).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SessionRulesIT {

    private static final long IDLE_TIMEOUT_MILLIS = 8_000;

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
    void aSecondSignInIsRefusedWhileTheFirstLives() {
        String name = accounts.register(Accounts.uniqueName("single"));
        String first = accounts.signIn(name);

        ApiClient.Reply second = api.post("api/auth/login", credentials(name, PASSWORD));

        assertEquals(409, second.status(), second::toString);
        assertEquals("already_signed_in", second.error());
        assertEquals("This account is already signed in on another client", second.json().getString("message"));
        assertEquals(200, api.get("api/auth/me", bearer(first)).status());
    }

    @Test
    void takeOverEndsTheOldSessionAtOnce() {
        String name = accounts.register(Accounts.uniqueName("takeover"));
        String first = accounts.signIn(name);

        ApiClient.Reply second = api.post("api/auth/login", takeOver(name, PASSWORD));

        assertEquals(200, second.status(), second::toString);
        String secondToken = second.json().getString("token");
        assertNotEquals(first, secondToken);
        ApiClient.Reply old = api.get("api/auth/me", bearer(first));
        assertEquals(401, old.status());
        assertEquals("session_ended", old.error());
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
        assertEquals(401, api.get("api/auth/me", bearer(first)).status());
    }

    @Test
    void aSilentClientLosesItsSessionAfterTheIdleTimeout() throws InterruptedException {
        String name = accounts.register(Accounts.uniqueName("idle"));
        String first = accounts.signIn(name);

        Thread.sleep(IDLE_TIMEOUT_MILLIS + 1_500);

        ApiClient.Reply second = api.post("api/auth/login", credentials(name, PASSWORD));
        assertEquals(200, second.status(), second::toString);
        assertEquals("session_ended", api.get("api/auth/me", bearer(first)).error());
    }

    @Test
    void aClientThatKeepsShowingSignsOfLifeKeepsItsSession() throws InterruptedException {
        String name = accounts.register(Accounts.uniqueName("alive"));
        String first = accounts.signIn(name);

        for (long waited = 0; waited < IDLE_TIMEOUT_MILLIS + 2_000; waited += 2_000) {
            Thread.sleep(2_000);
            assertEquals(200, api.get("api/auth/me", bearer(first)).status());
        }

        assertEquals(409, api.post("api/auth/login", credentials(name, PASSWORD)).status());
    }

    private static String takeOver(String username, String password) {
        return Json.createObjectBuilder().add("username", username).add("password", password)
                .add("takeOver", true).build().toString();
    }
}
