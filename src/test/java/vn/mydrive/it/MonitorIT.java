package vn.mydrive.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.mydrive.testkit.Accounts.bearer;
import static vn.mydrive.testkit.Accounts.credentials;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.URL;
import java.net.http.HttpRequest.BodyPublishers;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.mydrive.client.SegmentSource;
import vn.mydrive.client.TransferClient;
import vn.mydrive.client.TransferClient.UploadOptions;
import vn.mydrive.client.TransferClient.UploadResult;
import vn.mydrive.testkit.Accounts;
import vn.mydrive.testkit.ApiClient;

/**
 * Monitoring on the real server: every action is logged, a dropped connection is told from a clean one,
 * connected clients come and go, only admins see any of it, health and metrics tell the truth.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class MonitorIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.builtWar();
    }

    @ArquillianResource
    URL deployment;

    private ApiClient api;
    private String admin;

    @BeforeEach
    void signInAdmin() {
        api = new ApiClient(deployment);
        admin = new Accounts(api).signInTakingOver("admin", Accounts.ADMIN_PASSWORD, "X-Forwarded-For", "10.77.0.1");
    }

    @Test
    void everyActionOfAUserIsLogged() {
        Accounts accounts = new Accounts(api);
        String name = accounts.register(Accounts.uniqueName("logged"));
        api.post("api/auth/login", credentials(name, "wrong password"), "X-Forwarded-For", "10.77.0.2");
        String token = accounts.signIn(name);
        api.get("api/covid/lookup?province=ha%20noi", bearer(token));
        String fileId;
        try (TransferClient client = TransferClient.connect(api.transferSocket(), token)) {
            fileId = client.upload(SegmentSource.of(TransferIT.randomBytes(5000, 1)), "logged.txt", UploadOptions.defaults())
                    .fileId();
            client.downloadBytes(fileId);
        }
        api.sendJson("PATCH", "api/files/" + fileId, "{\"visibility\":\"private\"}", bearer(token));
        String folder = api.sendJson("POST", "api/folders", "{\"name\":\"Lưu trữ\"}", bearer(token)).json()
                .getString("id");
        api.sendJson("PATCH", "api/files/" + fileId, "{\"folderId\":\"" + folder + "\"}", bearer(token));
        api.send("DELETE", "api/files/" + fileId, BodyPublishers.noBody(), bearer(token));
        api.post("api/auth/logout", null, bearer(token));

        Set<String> expected = Set.of("REGISTER", "LOGIN_REFUSED", "LOGIN", "LOOKUP", "CONNECT", "UPLOAD_STARTED",
                "UPLOAD_FINISHED", "DOWNLOAD", "SHARE", "MOVE", "TRASH", "DISCONNECT_CLEAN", "LOGOUT");
        List<JsonObject> entries = awaitActivity(name, list -> kinds(list).containsAll(expected));
        JsonObject refused = entries.stream().filter(e -> e.getString("kind").equals("LOGIN_REFUSED")).findFirst().orElseThrow();
        assertEquals("wrong_credentials", refused.getString("detail"));
        assertEquals("10.77.0.2", refused.getString("address"));
        assertTrue(entries.stream().anyMatch(e -> e.getString("kind").equals("LOOKUP")
                && e.getString("detail").contains("Hà Nội")));
    }

    @Test
    void aDroppedConnectionIsToldFromACleanOneAndClientsComeAndGo() {
        String token = new Accounts(api).newSignedInUser("presence");
        TransferClient clean = TransferClient.connect(api.transferSocket(), token);
        TransferClient dropped = TransferClient.connect(api.transferSocket(), token);
        String user = clean.welcome().getString("user");
        assertEquals(2, awaitClients(user, n -> n == 2));

        clean.close();
        dropped.abort();

        assertEquals(0, awaitClients(user, n -> n == 0));
        List<JsonObject> entries = awaitActivity(user, list -> kinds(list).containsAll(
                Set.of("DISCONNECT_CLEAN", "DISCONNECT_DROPPED")));
        assertEquals(1, entries.stream().filter(e -> e.getString("kind").equals("DISCONNECT_DROPPED")).count());
        assertEquals(1, entries.stream().filter(e -> e.getString("kind").equals("DISCONNECT_CLEAN")).count());
    }

    @Test
    void aClientThatGoesSilentIsDroppedAfterItsHeartbeats() {
        String token = new Accounts(api).newSignedInUser("silent");
        // A client that never pings: the server closes it after three missed heartbeats (2 s each here).
        java.net.http.WebSocket silent = java.net.http.HttpClient.newHttpClient().newWebSocketBuilder()
                .header("Authorization", "Bearer " + token)
                .buildAsync(api.transferSocket(), new java.net.http.WebSocket.Listener() { }).join();
        String user = api.get("api/auth/me", bearer(token)).json().getString("username");
        assertEquals(1, awaitClients(user, n -> n == 1));

        List<JsonObject> entries = awaitActivity(user, list -> kinds(list).contains("DISCONNECT_DROPPED"));

        assertTrue(entries.stream().anyMatch(e -> e.getString("kind").equals("DISCONNECT_DROPPED")
                && e.getString("detail").equals("heartbeat_lost")), entries::toString);
        silent.abort();
    }

    @Test
    void eachWayOfLeavingIsToldApartAsPeopleWouldSayIt() {
        Accounts accounts = new Accounts(api);
        String signedOut = accounts.newSignedInUser("leaves-out");
        String closedPage = accounts.newSignedInUser("leaves-page");
        String lostNetwork = accounts.newSignedInUser("leaves-net");
        TransferClient out = TransferClient.connect(api.transferSocket(), signedOut);
        TransferClient page = TransferClient.connect(api.transferSocket(), closedPage);
        TransferClient network = TransferClient.connect(api.transferSocket(), lostNetwork);

        api.post("api/auth/logout", null, bearer(signedOut));
        page.close();
        network.abort();

        assertDeparture(out.welcome().getString("user"), "DISCONNECT_CLEAN", "signed_out");
        assertDeparture(page.welcome().getString("user"), "DISCONNECT_CLEAN", "closed_page");
        assertDeparture(network.welcome().getString("user"), "DISCONNECT_DROPPED", "connection_lost");
    }

    @Test
    void movingToAnotherPageIsNotADeparture() {
        String token = new Accounts(api).newSignedInUser("navigates");
        java.net.URI tab = java.net.URI.create(api.transferSocket() + "?tab=t-" + System.nanoTime());
        TransferClient first = TransferClient.connect(tab, token);
        String user = first.welcome().getString("user");
        awaitActivity(user, list -> kinds(list).contains("CONNECT"));

        // The page said goodbye and the next page of the same browser tab connects at once.
        first.close();
        TransferClient next = TransferClient.connect(tab, token);
        // Then that page drops: the only departure to report. Reported past the grace period of the goodbye.
        sleep(12_000);
        next.abort();

        List<JsonObject> entries = awaitActivity(user, list -> kinds(list).contains("DISCONNECT_DROPPED"));
        assertEquals(1, entries.stream().filter(e -> e.getString("kind").equals("CONNECT")).count(), entries::toString);
        assertEquals(0, entries.stream().filter(e -> e.getString("kind").equals("DISCONNECT_CLEAN")).count(),
                entries::toString);
    }

    private void assertDeparture(String user, String kind, String detail) {
        List<JsonObject> entries = awaitActivity(user, list -> kinds(list).contains(kind));
        JsonObject departure = entries.stream().filter(e -> e.getString("kind").equals(kind)).findFirst().orElseThrow();
        assertEquals(detail, departure.getString("detail"), entries::toString);
        assertEquals(1, entries.stream().filter(e -> e.getString("kind").startsWith("DISCONNECT")).count(),
                entries::toString);
    }

    @Test
    void metricsChangeWhenAnUploadRuns() {
        long before = bytesIn();
        String token = new Accounts(api).newSignedInUser("metrics");
        try (TransferClient client = TransferClient.connect(api.transferSocket(), token)) {
            UploadResult result = client.upload(SegmentSource.of(TransferIT.randomBytes(3_000_000, 2)), "m.bin",
                    UploadOptions.defaults());
            assertTrue(result.complete());
        }

        assertEquals(before + 3_000_000, bytesIn());
        ApiClient.Reply metrics = api.get("api/admin/metrics", bearer(admin));
        assertTrue(metrics.body().contains("mydrive_segment_seconds_count{direction=\"in\"}"), metrics::body);
        assertTrue(metrics.header("Content-Type").startsWith("text/plain"));
    }

    @Test
    void nobodyButAdminsSeesAnyOfIt() {
        String token = new Accounts(api).newSignedInUser("nosy");
        for (String path : new String[] {"api/admin/activity", "api/admin/clients", "api/admin/metrics",
                "api/admin/server", "api/admin/sessions", "api/admin/covid/runs"}) {
            assertEquals(403, api.get(path, bearer(token)).status(), path);
            assertEquals(401, api.get(path).status(), path);
            assertEquals(200, api.get(path, bearer(admin)).status(), path);
        }
        ApiClient.Reply page = api.get("admin/monitor.xhtml", "Cookie", "MYDRIVE_SESSION=" + token);
        assertEquals(403, page.status());
        assertEquals(200, api.get("admin/monitor.xhtml", "Cookie", "MYDRIVE_SESSION=" + admin).status());
    }

    @Test
    void anAdminCanEndAUsersSession() {
        String name = new Accounts(api).register(Accounts.uniqueName("ended"));
        String token = new Accounts(api).signIn(name);

        assertEquals(204, api.send("DELETE", "api/admin/sessions/" + name, BodyPublishers.noBody(), bearer(admin)).status());

        ApiClient.Reply me = api.get("api/auth/me", bearer(token));
        assertEquals(401, me.status());
        assertEquals("session_ended", me.error());
        assertEquals(404, api.send("DELETE", "api/admin/sessions/" + name, BodyPublishers.noBody(), bearer(admin)).status());
    }

    @Test
    void healthIsReadyWithTheStoreAndTheDataLoaded() {
        ApiClient health = new ApiClient(urlOf(System.getProperty("mydrive.it.health")));
        long deadline = System.nanoTime() + WAIT.toNanos();
        ApiClient.Reply ready;
        do {
            ready = health.get("ready");
        } while (ready.status() != 200 && System.nanoTime() < deadline);

        assertEquals(200, ready.status(), ready::toString);
        assertEquals("UP", ready.json().getString("status"));
        Set<String> checks = ready.json().getJsonArray("checks").getValuesAs(JsonValue::asJsonObject).stream()
                .map(c -> c.getString("name")).collect(Collectors.toSet());
        assertTrue(checks.containsAll(Set.of("store", "covid-data")), checks::toString);
        assertEquals(200, health.get("live").status());
    }

    // ---------------------------------------------------------------- helpers

    private long bytesIn() {
        String text = api.get("api/admin/metrics", bearer(admin)).body();
        // The exposition format writes a large count as a double ("1.23456789E8").
        Matcher m = Pattern.compile("mydrive_transfer_bytes_total\\{direction=\"in\"} (\\S+)").matcher(text);
        assertTrue(m.find(), text);
        return (long) Double.parseDouble(m.group(1));
    }

    private List<JsonObject> awaitActivity(String user, Predicate<List<JsonObject>> done) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        List<JsonObject> entries;
        do {
            ApiClient.Reply reply = api.get("api/admin/activity?limit=200&user=" + user, bearer(admin));
            assertEquals(200, reply.status(), reply::toString);
            entries = array(reply.body()).getValuesAs(JsonValue::asJsonObject);
            if (done.test(entries)) {
                return entries;
            }
            sleep(300);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("Activity of " + user + " never matched: " + kinds(entries));
    }

    private int awaitClients(String user, java.util.function.IntPredicate done) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        int count;
        do {
            ApiClient.Reply reply = api.get("api/admin/clients", bearer(admin));
            count = (int) array(reply.body()).getValuesAs(JsonValue::asJsonObject).stream()
                    .filter(c -> user.equals(c.getString("username"))).count();
            if (done.test(count)) {
                return count;
            }
            sleep(300);
        } while (System.nanoTime() < deadline);
        return count;
    }

    private static Set<String> kinds(List<JsonObject> entries) {
        return entries.stream().map(e -> e.getString("kind")).collect(Collectors.toSet());
    }

    private static JsonArray array(String body) {
        return jakarta.json.Json.createReader(new StringReader(body)).readArray();
    }

    private static URL urlOf(String url) {
        try {
            return new URL(url.endsWith("/") ? url : url + "/");
        } catch (java.net.MalformedURLException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
