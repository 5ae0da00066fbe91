package vn.mydrive.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.mydrive.testkit.Accounts.PASSWORD;
import static vn.mydrive.testkit.Accounts.credentials;
import static vn.mydrive.testkit.Accounts.uniqueName;

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
import vn.mydrive.testkit.Accounts;
import vn.mydrive.testkit.ApiClient;

/**
 * Sign-up's rules through the API: passwords easy to guess are refused with the reason, a confirmation that
 * does not match is refused, and one address may only create so many accounts (10 an hour in the tests).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SignUpRulesIT {

    private static final int SIGN_UPS_PER_ADDRESS = 10;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.builtWar();
    }

    @ArquillianResource
    URL deployment;

    private ApiClient api;

    @BeforeEach
    void connect() {
        api = new ApiClient(deployment);
    }

    @Test
    void passwordsEasyToGuessAreRefusedWithTheReason() {
        String name = uniqueName("weak");
        String[][] cases = {{"password", "common"}, {"12345678", "common"}, {"aaaaaaaa", "sequence"},
            {"        ", "repeats"}, {name + "-2024", "contains_username"}, {"qwertyuiop", "common"}};
        for (String[] c : cases) {
            ApiClient.Reply reply = api.post("api/auth/register", credentials(name, c[0]), Accounts.anyAddress());
            assertEquals(400, reply.status(), () -> c[0] + " -> " + reply);
            assertEquals("weak_password", reply.error());
            assertTrue(reply.json().getString("message").contains("(" + c[1] + ")"), () -> c[0] + " -> " + reply);
        }
        assertEquals(401, api.post("api/auth/login", credentials(name, "password")).status(), "no account was made");
    }

    @Test
    void aConfirmationThatDiffersIsRefusedAndOneThatMatchesIsTaken() {
        String name = uniqueName("confirm");

        ApiClient.Reply mismatch = api.post("api/auth/register", withConfirmation(name, PASSWORD, PASSWORD + "!"),
                Accounts.anyAddress());
        ApiClient.Reply match = api.post("api/auth/register", withConfirmation(name, PASSWORD, PASSWORD),
                Accounts.anyAddress());

        assertEquals(400, mismatch.status(), mismatch::toString);
        assertEquals("password_mismatch", mismatch.error());
        assertEquals(201, match.status(), match::toString);
    }

    @Test
    void oneAddressMayCreateOnlySoManyAccounts() {
        String[] address = Accounts.anyAddress();
        for (int i = 0; i < SIGN_UPS_PER_ADDRESS; i++) {
            ApiClient.Reply reply = api.post("api/auth/register", credentials(uniqueName("farm"), PASSWORD), address);
            assertEquals(201, reply.status(), reply::toString);
        }

        ApiClient.Reply refused = api.post("api/auth/register", credentials(uniqueName("farm"), PASSWORD), address);
        ApiClient.Reply elsewhere = api.post("api/auth/register", credentials(uniqueName("farm"), PASSWORD),
                Accounts.anyAddress());

        assertEquals(429, refused.status(), refused::toString);
        assertEquals("too_many_signups", refused.error());
        assertNotNull(refused.header("Retry-After"));
        assertEquals(201, elsewhere.status(), elsewhere::toString);
    }

    @Test
    void takenNamesCountAgainstTheAllowanceToo() {
        String[] address = Accounts.anyAddress();
        String taken = new Accounts(api).register(uniqueName("taken"));
        for (int i = 0; i < SIGN_UPS_PER_ADDRESS; i++) {
            assertEquals(409, api.post("api/auth/register", credentials(taken, PASSWORD), address).status());
        }

        ApiClient.Reply probe = api.post("api/auth/register", credentials(taken, PASSWORD), address);

        assertEquals(429, probe.status(), "probing names is limited like creating accounts");
        assertFalse(probe.body().contains("username_taken"));
    }

    private static String withConfirmation(String name, String password, String confirmation) {
        return Json.createObjectBuilder().add("username", name).add("password", password)
                .add("confirmPassword", confirmation).build().toString();
    }
}
