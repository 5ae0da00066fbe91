package vn.mydrive.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static vn.mydrive.testkit.Accounts.PASSWORD;
import static vn.mydrive.testkit.Accounts.bearer;
import static vn.mydrive.testkit.Accounts.credentials;

import java.io.ByteArrayInputStream;
import java.net.URL;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
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

/**
 * Malformed, oversized and hostile requests to the account API each get a clear JSON 4xx, and afterwards the
 * server still answers and the accounts are as they were.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AuthBadInputIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.builtWar();
    }

    @ArquillianResource
    URL deployment;

    private ApiClient api;
    private String bystander;
    private String bystanderToken;

    @BeforeEach
    void connect() {
        api = new ApiClient(deployment);
        Accounts accounts = new Accounts(api);
        bystander = accounts.register(Accounts.uniqueName("bystander"));
        bystanderToken = accounts.signIn(bystander);
    }

    @AfterEach
    void serverAndAccountsAreUnchanged() {
        assertEquals(200, api.get("api/auth/me", bearer(bystanderToken)).status());
        // The bystander's name is still taken, so nothing replaced the account.
        assertEquals(409, api.post("api/auth/register", credentials(bystander, PASSWORD), Accounts.anyAddress()).status());
    }

    @Test
    void malformedJsonIs400() {
        for (String body : new String[] {"{\"username\":", "{username: 'x'}", "[]", "\"text\"", "{\"username\": {\"a\":1},"
                + " \"password\": [1]}", "\u0000\u0001"}) {
            ApiClient.Reply reply = api.post("api/auth/register", body);
            assertEquals(400, reply.status(), () -> body + " -> " + reply);
            assertFalse(reply.error().isBlank());
        }
    }

    @Test
    void aWrongContentTypeIs415() {
        ApiClient.Reply reply = api.post("api/auth/login", credentials(bystander, PASSWORD), "Content-Type", "text/plain");

        assertEquals(415, reply.status(), reply::toString);
        assertEquals("unsupported_media_type", reply.error());
    }

    @Test
    void aHugeBodyIs413WithOrWithoutALength() {
        String huge = "{\"username\":\"" + "a".repeat(200_000) + "\",\"password\":\"12345678\"}";

        ApiClient.Reply declared = api.post("api/auth/register", huge);
        ApiClient.Reply chunked = api.send("POST", "api/auth/register",
                BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(huge.getBytes(StandardCharsets.UTF_8))),
                "Content-Type", "application/json");

        assertEquals(413, declared.status(), declared::toString);
        assertEquals("payload_too_large", declared.error());
        assertEquals(413, chunked.status(), chunked::toString);
        assertEquals("payload_too_large", chunked.error());
    }

    @Test
    void htmlInAUsernameIsRefusedAndNotReflected() {
        ApiClient.Reply reply = api.post("api/auth/register", credentials("<script>alert(1)</script>", PASSWORD));

        assertEquals(400, reply.status());
        assertEquals("invalid_username", reply.error());
        assertFalse(reply.body().contains("<script>"));
    }

    @Test
    void unknownPathsAndWrongMethodsAreJsonErrors() {
        ApiClient.Reply missing = api.get("api/auth/nothing-here");
        ApiClient.Reply wrongMethod = api.get("api/auth/login");
        ApiClient.Reply traversal = api.get("api/auth/..%2F..%2Fetc%2Fpasswd");

        assertEquals(404, missing.status());
        assertEquals("not_found", missing.error());
        assertEquals(405, wrongMethod.status());
        assertEquals("method_not_allowed", wrongMethod.error());
        assertEquals(404, traversal.status());
    }

    @Test
    void aCookieAuthenticatedPostFromAnotherSiteIsRefused() {
        String cookie = "MYDRIVE_SESSION=" + bystanderToken;

        ApiClient.Reply crossSite = api.post("api/auth/logout", null, "Cookie", cookie, "Origin", "https://evil.example");
        ApiClient.Reply noOrigin = api.post("api/auth/logout", null, "Cookie", cookie);

        assertEquals(403, crossSite.status(), crossSite::toString);
        assertEquals("cross_site_request", crossSite.error());
        assertEquals(403, noOrigin.status());
    }

    @Test
    void veryLongAndOddlyEncodedCredentialsAreHandled() {
        ApiClient.Reply longPassword = api.post("api/auth/login", credentials(bystander, "p".repeat(10_000)),
                "X-Forwarded-For", "10.3.0.1");
        ApiClient.Reply unicode = api.post("api/auth/login", credentials("\uD83D\uDE00\u202E\u0000", PASSWORD),
                "X-Forwarded-For", "10.3.0.2");

        assertEquals(401, longPassword.status(), longPassword::toString);
        assertEquals(401, unicode.status(), unicode::toString);
    }
}
