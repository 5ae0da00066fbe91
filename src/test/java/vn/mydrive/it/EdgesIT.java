package vn.mydrive.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.mydrive.testkit.Accounts.bearer;

import com.mongodb.ConnectionString;
import com.mongodb.MongoException;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bson.Document;
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
 * The edges an attacker probes first: security headers on pages and API, the embedded store's door, clients that
 * never finish sending, and parameters of any length.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class EdgesIT {

    /** Far above the servers' limits (WildFly 10 s for a header, Payara 30 s of silence): only a hang fails. */
    private static final int SLOW_CLIENT_PATIENCE_MILLIS = 120_000;

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
    void pagesCarryAPolicyWithANonceForEveryScriptAndAreNeverFramedOrStored() {
        ApiClient.Reply page = api.get("login.xhtml");

        assertEquals(200, page.status());
        String policy = page.header("Content-Security-Policy");
        assertNotNull(policy, page.headers()::toString);
        assertTrue(policy.contains("frame-ancestors 'none'") && policy.contains("object-src 'none'"), policy);
        assertFalse(policy.matches(".*script-src[^;]*'unsafe-(inline|eval)'.*"), policy);
        Matcher nonce = Pattern.compile("'nonce-([^']+)'").matcher(policy);
        assertTrue(nonce.find(), policy);
        Matcher scripts = Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>").matcher(page.body());
        int inline = 0;
        while (scripts.find()) {
            inline++;
            assertTrue(scripts.group().contains("nonce=\"" + nonce.group(1) + "\""), scripts.group());
        }
        assertTrue(inline > 0, "the page has inline scripts, each with the nonce");
        assertCommonHeaders(page);
        assertEquals("no-store", page.header("Cache-Control"));
        String session = page.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID"))
                .findFirst().orElseThrow(() -> new AssertionError("no HTTP session cookie: " + page.headers()));
        assertTrue(session.contains("SameSite=Lax") && session.contains("HttpOnly"), session);
    }

    @Test
    void apiAnswersAreDataThatNothingRunsOrStores() {
        String token = new Accounts(api).newSignedInUser("headers");

        ApiClient.Reply me = api.get("api/auth/me", bearer(token));
        ApiClient.Reply login = api.post("api/auth/login", Accounts.credentials("nobody-here", "wrong"),
                Accounts.anyAddress());

        for (ApiClient.Reply reply : new ApiClient.Reply[] {me, login}) {
            assertCommonHeaders(reply);
            assertEquals("no-store", reply.header("Cache-Control"));
            assertTrue(reply.header("Content-Security-Policy").startsWith("default-src 'none'"), reply::toString);
        }
    }

    @Test
    void theEmbeddedStoreAnswersOnlyWhoHoldsItsSecret() throws IOException {
        ConnectionString withSecret = EmbeddedStore.connectionString();
        String address = withSecret.getHosts().get(0);
        assertEquals(java.util.Set.of(java.nio.file.attribute.PosixFilePermission.OWNER_READ,
                java.nio.file.attribute.PosixFilePermission.OWNER_WRITE), Files.getPosixFilePermissions(EmbeddedStore.connectionFile()));

        assertThrows(MongoException.class, () -> countAccounts("mongodb://" + address));
        assertThrows(MongoException.class, () -> countAccounts("mongodb://mydrive:guess@" + address
                + "/?authMechanism=PLAIN&authSource=%24external"));
        assertTrue(countAccounts(withSecret.getConnectionString()) > 0, "the owner's own tools get in");
    }

    @Test
    void aRequestThatNeverFinishesItsHeaderIsDropped() throws IOException {
        assertDropped("GET /mydrive/login.xhtml HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ");
    }

    @Test
    void aWebSocketHandshakeThatNeverFinishesIsDropped() throws IOException {
        assertDropped("GET /mydrive/ws/transfer HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\n"
                + "Connection: Upgrade\r\nSec-WebSocket-Version: 13\r\n");
    }

    @Test
    void parametersOfAnyLengthAreRefusedQuickly() {
        String token = new Accounts(api).newSignedInUser("long");

        ApiClient.Reply huge = api.get("api/covid/lookup?province=" + "a".repeat(100_000), bearer(token));
        ApiClient.Reply overLimit = api.get("api/covid/lookup?province=" + "a".repeat(2_000), bearer(token));
        ApiClient.Reply longName = api.get("api/covid/lookup?province=" + "a".repeat(200), bearer(token));

        // 100,000 characters: refused by the app or, before it, by the server itself (Grizzly's header limit).
        assertTrue(huge.status() == 400 || huge.status() == 414 || huge.status() == 431, huge::toString);
        assertEquals(400, overLimit.status(), overLimit::toString);
        assertEquals("parameter_too_long", overLimit.error());
        assertEquals(404, longName.status(), longName::toString);
        assertEquals("unknown_province", longName.error());
    }

    private static void assertCommonHeaders(ApiClient.Reply reply) {
        assertEquals("nosniff", reply.header("X-Content-Type-Options"), reply.headers()::toString);
        assertEquals("DENY", reply.header("X-Frame-Options"));
        assertEquals("same-origin", reply.header("Referrer-Policy"));
    }

    private static long countAccounts(String uri) {
        MongoClientSettings settings = MongoClientSettings.builder().applyConnectionString(new ConnectionString(uri))
                .applyToClusterSettings(b -> b.serverSelectionTimeout(5, TimeUnit.SECONDS)).build();
        try (MongoClient client = MongoClients.create(settings)) {
            return client.getDatabase("mydrive").getCollection("accounts").countDocuments(new Document());
        }
    }

    /** Sends the start of a request, then nothing: the server must close the connection by itself. */
    private void assertDropped(String partialRequest) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", deployment.getPort())) {
            socket.setSoTimeout(SLOW_CLIENT_PATIENCE_MILLIS);
            OutputStream out = socket.getOutputStream();
            out.write(partialRequest.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            try {
                byte[] answer = in.readAllBytes();
                // Closed (possibly after a 408 or 400): either way the connection is gone.
                assertTrue(answer.length == 0 || new String(answer, StandardCharsets.US_ASCII).startsWith("HTTP/1.1 4"),
                        () -> new String(answer, StandardCharsets.US_ASCII));
            } catch (SocketException reset) {
                // Reset by the server: dropped as well.
            }
        }
    }
}
