package vn.mydrive.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.mydrive.testkit.Accounts.PASSWORD;
import static vn.mydrive.testkit.Accounts.bearer;
import static vn.mydrive.testkit.Accounts.credentials;
import static vn.mydrive.testkit.Accounts.uniqueName;

import jakarta.json.JsonObject;
import java.net.URL;
import java.time.Instant;
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

/** Register, sign in, who-am-I and sign out over the JSON API, with every documented status. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AuthApiIT {

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
    void registerAnswers201WithoutEchoingThePassword() {
        String name = uniqueName("reg");
        ApiClient.Reply reply = api.post("api/auth/register", credentials(name, PASSWORD), Accounts.anyAddress());

        assertEquals(201, reply.status(), reply::toString);
        assertEquals("User registered successfully", reply.json().getString("message"));
        assertEquals(name, reply.json().getString("username"));
        assertFalse(reply.body().contains(PASSWORD));
    }

    @Test
    void missingOrBlankFieldsAre400() {
        for (String body : new String[] {"{}", "{\"username\":\"someone\"}", "{\"password\":\"12345678\"}",
                "{\"username\":\"   \",\"password\":\"12345678\"}", "{\"username\":\"someone\",\"password\":\"\"}",
                "null"}) {
            ApiClient.Reply reply = api.post("api/auth/register", body);
            assertEquals(400, reply.status(), () -> body + " -> " + reply);
            assertEquals("missing_credentials", reply.error());
            assertEquals("Missing username or password", reply.json().getString("message"));
        }
    }

    @Test
    void usernamesAreOneAccountWhateverTheirCase() {
        String name = uniqueName("Alice");
        accounts.register(name);

        ApiClient.Reply reply = api.post("api/auth/register", credentials(name.toLowerCase(), PASSWORD),
                Accounts.anyAddress());

        assertEquals(409, reply.status(), reply::toString);
        assertEquals("username_taken", reply.error());
        assertEquals("Username already exists", reply.json().getString("message"));
        assertEquals(200, api.post("api/auth/login", credentials(name.toUpperCase(), PASSWORD)).status());
    }

    @Test
    void usernameAndPasswordRulesAreExplained() {
        assertRejected(credentials("ab", PASSWORD), "invalid_username");
        assertRejected(credentials("a".repeat(33), PASSWORD), "invalid_username");
        assertRejected(credentials("has space", PASSWORD), "invalid_username");
        assertRejected(credentials("<b>bold</b>", PASSWORD), "invalid_username");
        assertRejected(credentials("nguyễn", PASSWORD), "invalid_username");
        assertRejected(credentials("../etc", PASSWORD), "invalid_username");
        assertRejected(credentials(uniqueName("short"), "1234567"), "invalid_password");
        assertRejected(credentials(uniqueName("long"), "x".repeat(129)), "invalid_password");
        // The boundaries themselves are allowed (for passwords hard enough to guess).
        assertEquals(201, api.post("api/auth/register", credentials(uniqueName("x").substring(0, 3), "Ωж€ệ\uD83D\uDE42λ字ß"),
                Accounts.anyAddress()).status());
        String longest = "Đà Lạt mùa sương, Huế mưa dầm, Sài Gòn nắng gắt; ".repeat(4).substring(0, 128);
        assertEquals(201, api.post("api/auth/register", credentials(uniqueName("y"), longest),
                Accounts.anyAddress()).status());
    }

    private void assertRejected(String body, String code) {
        ApiClient.Reply reply = api.post("api/auth/register", body);
        assertEquals(400, reply.status(), () -> body + " -> " + reply);
        assertEquals(code, reply.error());
        assertFalse(reply.json().getString("message").isBlank());
    }

    @Test
    void loginGivesASignedTokenWithExpiryAndRoles() {
        String name = accounts.register(uniqueName("login"));

        ApiClient.Reply reply = api.post("api/auth/login", credentials(name, PASSWORD));

        assertEquals(200, reply.status(), reply::toString);
        JsonObject body = reply.json();
        assertEquals(3, body.getString("token").split("\\.").length);
        assertEquals(name, body.getString("username"));
        assertEquals("[\"user\"]", body.getJsonArray("roles").toString());
        assertTrue(Instant.parse(body.getString("expiresAt")).isAfter(Instant.now()));
    }

    @Test
    void unknownUserAndWrongPasswordGetTheSameAnswer() {
        String name = accounts.register(uniqueName("secret"));

        ApiClient.Reply wrongPassword = api.post("api/auth/login", credentials(name, "not the password"),
                "X-Forwarded-For", "10.1.0.1");
        ApiClient.Reply unknownUser = api.post("api/auth/login", credentials(uniqueName("nobody"), PASSWORD),
                "X-Forwarded-For", "10.1.0.1");

        assertEquals(401, wrongPassword.status());
        assertEquals(401, unknownUser.status());
        assertEquals(wrongPassword.body(), unknownUser.body());
        assertEquals("wrong_credentials", wrongPassword.error());
    }

    @Test
    void meTellsWhoIsSignedInAndSinceWhen() {
        String name = accounts.register(uniqueName("me"));
        Instant before = Instant.now().minusSeconds(2);
        String token = accounts.signIn(name);

        ApiClient.Reply reply = api.get("api/auth/me", bearer(token));

        assertEquals(200, reply.status(), reply::toString);
        assertEquals(name, reply.json().getString("username"));
        assertEquals("[\"user\"]", reply.json().getJsonArray("roles").toString());
        assertTrue(Instant.parse(reply.json().getString("signedInAt")).isAfter(before));
    }

    @Test
    void meWithoutATokenIs401() {
        ApiClient.Reply reply = api.get("api/auth/me");

        assertEquals(401, reply.status(), reply::toString);
        assertEquals("unauthenticated", reply.error());
        assertNotNull(reply.header("WWW-Authenticate"));
    }

    @Test
    void logoutRevokesTheToken() {
        String token = accounts.newSignedInUser("logout");

        assertEquals(204, api.post("api/auth/logout", null, bearer(token)).status());

        ApiClient.Reply after = api.get("api/auth/me", bearer(token));
        assertEquals(401, after.status());
        assertEquals("session_ended", after.error());
        assertEquals(401, api.post("api/auth/logout", null, bearer(token)).status());
    }

    @Test
    void theBootstrappedAdminHasTheAdminRole() {
        ApiClient.Reply reply = api.post("api/auth/login", Accounts.takingOver("admin", Accounts.ADMIN_PASSWORD),
                "X-Forwarded-For", "10.1.0.2");

        assertEquals(200, reply.status(), reply::toString);
        assertEquals("[\"admin\",\"user\"]", reply.json().getJsonArray("roles").toString());
        api.post("api/auth/logout", null, bearer(reply.json().getString("token")));
    }
}
