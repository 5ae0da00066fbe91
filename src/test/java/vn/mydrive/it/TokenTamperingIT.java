package vn.mydrive.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.mydrive.testkit.Accounts.bearer;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URL;
import java.time.Instant;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.mydrive.testkit.Accounts;
import vn.mydrive.testkit.ApiClient;

/** Every way of faking or bending a token is refused with its own reason, and the real session is untouched. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class TokenTamperingIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.builtWar();
    }

    @ArquillianResource
    URL deployment;

    private ApiClient api;
    private String victim;
    private String victimToken;

    @BeforeEach
    void signInVictim() {
        api = new ApiClient(deployment);
        Accounts accounts = new Accounts(api);
        victim = accounts.register(Accounts.uniqueName("victim"));
        victimToken = accounts.signIn(victim);
    }

    @AfterEach
    void victimIsUnaffected() {
        ApiClient.Reply me = api.get("api/auth/me", bearer(victimToken));
        assertEquals(200, me.status(), me::toString);
        assertEquals(victim, me.json().getString("username"));
    }

    @Test
    void garbageIsMalformed() {
        assertRefused("not-a-token", "token_malformed");
        assertRefused("a.b.c", "token_malformed");
        ApiClient.Reply huge = api.get("api/auth/me", bearer("x".repeat(10_000) + ".y.z"));
        // WildFly reads it and refuses it; Payara's HTTP layer refuses a header that large itself (400).
        assertTrue(huge.status() == 401 || huge.status() == 400 || huge.status() == 431, huge::toString);
        assertRefused("", "unauthenticated");
    }

    @Test
    void aChangedPayloadBreaksTheSignature() {
        JsonObject claims = Json.createObjectBuilder(ForgedTokens.payload(victimToken))
                .add("groups", Json.createArrayBuilder().add("user").add("admin")).build();

        assertRefused(ForgedTokens.withPayload(victimToken, claims), "token_signature");
    }

    @Test
    void unsignedAndHmacTokensAreRefusedForTheirAlgorithm() {
        JsonObject claims = ForgedTokens.payload(victimToken);

        assertRefused(ForgedTokens.unsigned(claims), "token_algorithm");
        assertRefused(ForgedTokens.hs256(claims, "secret".getBytes()), "token_algorithm");
    }

    @Test
    void aTokenSignedWithAnotherKeyIsRefused() {
        assertRefused(ForgedTokens.rs256(ForgedTokens.payload(victimToken), ForgedTokens.otherKey()), "token_signature");
    }

    @Test
    void expiredTokensAreRefused() {
        long past = Instant.now().minusSeconds(60).getEpochSecond();
        JsonObject claims = Json.createObjectBuilder(ForgedTokens.payload(victimToken)).add("exp", past).build();

        assertRefused(ForgedTokens.rs256(claims, ForgedTokens.serverKey()), "token_expired");
    }

    @Test
    void tokensFromAnotherIssuerAreRefused() {
        JsonObject claims = Json.createObjectBuilder(ForgedTokens.payload(victimToken)).add("iss", "evil").build();

        assertRefused(ForgedTokens.rs256(claims, ForgedTokens.serverKey()), "token_issuer");
    }

    @Test
    void aWellSignedTokenWithoutALiveSessionIsRefused() {
        assertRefused(ForgedTokens.rs256(ForgedTokens.claims(victim).build(), ForgedTokens.serverKey()), "session_ended");
        assertRefused(ForgedTokens.rs256(ForgedTokens.claims("admin").build(), ForgedTokens.serverKey()), "session_ended");
    }

    @Test
    void claimsOfTheWrongTypeAreMalformed() {
        JsonObject claims = Json.createObjectBuilder(ForgedTokens.payload(victimToken)).add("exp", "tomorrow").build();

        assertRefused(ForgedTokens.rs256(claims, ForgedTokens.serverKey()), "token_malformed");
    }

    @Test
    void aTokenInTheQueryStringIsIgnored() {
        ApiClient.Reply reply = api.get("api/auth/me?access_token=" + victimToken);

        assertEquals(401, reply.status());
        assertEquals("unauthenticated", reply.error());
    }

    @Test
    void aForgedCookieIsRefusedAndCleared() {
        String forged = ForgedTokens.unsigned(ForgedTokens.payload(victimToken));

        ApiClient.Reply reply = api.get("api/auth/me", "Cookie", "MYDRIVE_SESSION=" + forged);

        assertEquals(401, reply.status());
        assertEquals("token_algorithm", reply.error());
        String clearing = reply.header("Set-Cookie");
        assertTrue(clearing.matches("MYDRIVE_SESSION=(\"\")?;.*(Max-Age=0|1970).*"), clearing);
    }

    private void assertRefused(String token, String code) {
        ApiClient.Reply reply = api.get("api/auth/me", bearer(token));
        assertEquals(401, reply.status(), () -> token + " -> " + reply);
        assertEquals(code, reply.error(), reply::toString);
    }
}
