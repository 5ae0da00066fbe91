package vn.mydrive.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.mydrive.testkit.Accounts.PASSWORD;
import static vn.mydrive.testkit.Accounts.credentials;

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
 * Repeated failures lock an account or an address for a while (429 with Retry-After), never for good. The
 * test server allows 5 failures per account and 10 per address, with a first lock of 3 s.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class LoginThrottleIT {

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
    void anAccountUnderAttackIsLockedForAWhileThenOpensAgain() throws InterruptedException {
        String name = accounts.register(Accounts.uniqueName("target"));
        for (int i = 1; i <= 5; i++) {
            // Each guess from a different address, as a distributed guesser would.
            ApiClient.Reply guess = login(name, "guess number " + i, "10.10.0." + i);
            assertEquals(401, guess.status(), guess::toString);
        }

        ApiClient.Reply locked = login(name, PASSWORD, "10.10.1.1");

        assertEquals(429, locked.status(), locked::toString);
        assertEquals("too_many_attempts", locked.error());
        long retryAfter = Long.parseLong(locked.header("Retry-After"));
        assertTrue(retryAfter >= 1 && retryAfter <= 3, "Retry-After " + retryAfter);

        Thread.sleep(retryAfter * 1000 + 500);
        assertEquals(200, login(name, PASSWORD, "10.10.1.1").status());
    }

    @Test
    void oneAddressGuessingManyAccountsIsLockedButOthersAreNot() {
        for (int i = 1; i <= 10; i++) {
            ApiClient.Reply guess = login(Accounts.uniqueName("spray"), "password " + i, "10.20.0.1");
            assertEquals(401, guess.status(), guess::toString);
        }
        String name = accounts.register(Accounts.uniqueName("innocent"));

        ApiClient.Reply fromAttacker = login(name, PASSWORD, "10.20.0.1");
        ApiClient.Reply fromElsewhere = login(name, PASSWORD, "10.20.0.2");

        assertEquals(429, fromAttacker.status(), fromAttacker::toString);
        assertEquals(200, fromElsewhere.status(), fromElsewhere::toString);
    }

    @Test
    void aSuccessfulSignInResetsTheAccountsCount() {
        String name = accounts.register(Accounts.uniqueName("forgetful"));
        for (int i = 1; i <= 4; i++) {
            assertEquals(401, login(name, "almost " + i, "10.30.0." + i).status());
        }
        String token = login(name, PASSWORD, "10.30.1.1").json().getString("token");
        api.post("api/auth/logout", null, Accounts.bearer(token));

        for (int i = 1; i <= 4; i++) {
            assertEquals(401, login(name, "again " + i, "10.30.2." + i).status());
        }
        assertEquals(200, login(name, PASSWORD, "10.30.3.1").status());
    }

    @Test
    void guessesFromAnywhereNeverLockTheOwnerOutOfAKnownDevice() {
        String name = accounts.register(Accounts.uniqueName("owner"));
        ApiClient.Reply earlier = login(name, PASSWORD, "10.50.0.1");
        String device = earlier.json().getString("deviceToken");
        api.post("api/auth/logout", null, Accounts.bearer(earlier.json().getString("token")));
        for (int i = 1; i <= 5; i++) {
            assertEquals(401, login(name, "guess number " + i, "10.50.1." + i).status());
        }

        ApiClient.Reply unknownClient = login(name, PASSWORD, "10.50.2.1");
        ApiClient.Reply knownDevice = api.post("api/auth/login", Json.createObjectBuilder().add("username", name)
                .add("password", PASSWORD).add("deviceToken", device).build().toString(), "X-Forwarded-For", "10.50.2.2");

        assertEquals(429, unknownClient.status(), "clients the account has not seen share the locked budget");
        assertEquals(200, knownDevice.status(), knownDevice::toString);
        assertEquals(device, knownDevice.json().getString("deviceToken"), "a known device keeps its token");
    }

    @Test
    void aKnownDeviceHasABudgetOfItsOwn() {
        String name = accounts.register(Accounts.uniqueName("device"));
        ApiClient.Reply earlier = login(name, PASSWORD, "10.60.0.1");
        String device = earlier.json().getString("deviceToken");
        api.post("api/auth/logout", null, Accounts.bearer(earlier.json().getString("token")));
        for (int i = 1; i <= 5; i++) {
            assertEquals(401, withDevice(name, "guess " + i, device, "10.60.1." + i).status());
        }

        ApiClient.Reply deviceLocked = withDevice(name, PASSWORD, device, "10.60.2.1");
        ApiClient.Reply otherClient = login(name, PASSWORD, "10.60.2.2");

        assertEquals(429, deviceLocked.status(), "a stolen device token gives no more guesses than anyone else");
        assertEquals(200, otherClient.status(), "its failures were its own");
    }

    private ApiClient.Reply withDevice(String username, String password, String device, String address) {
        return api.post("api/auth/login", Json.createObjectBuilder().add("username", username)
                .add("password", password).add("deviceToken", device).build().toString(), "X-Forwarded-For", address);
    }

    private ApiClient.Reply login(String username, String password, String address) {
        return api.post("api/auth/login", credentials(username, password), "X-Forwarded-For", address);
    }
}
