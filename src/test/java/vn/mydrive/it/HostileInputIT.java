package vn.mydrive.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static vn.mydrive.it.TransferIT.randomBytes;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.WebSocketHandshakeException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
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
 * The hostile input corpus: hundreds of malformed or hostile inputs across the REST API, the transfer
 * socket, the Faces sign-in form and the connection level. After every single input the server must answer,
 * a victim's private file must be listed exactly as before, and the attacker must own nothing; a bystander's
 * upload runs alongside each class and must finish intact. The count and what each class of input got are
 * printed at the end (recorded in docs/hostile-input.md).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class HostileInputIT {

    private static final Duration WAIT = Duration.ofSeconds(20);
    /** Outcome counts per class of input, for the report. */
    private static final Map<String, Map<String, Integer>> REPORT = new TreeMap<>();

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.builtWar();
    }

    @ArquillianResource
    URL deployment;

    private ApiClient api;
    private DriveUsers victim;
    private DriveUsers bystander;
    private String attackerToken;
    private String attackerName;
    private String victimFileId;
    private byte[] victimData;
    private String victimListing;
    private byte[] bystanderData;
    private CompletableFuture<UploadResult> bystanderUpload;

    @BeforeEach
    void start() {
        api = new ApiClient(deployment);
        victim = DriveUsers.signIn(api, "victim");
        victimData = randomBytes(2 * victim.client().segmentSize() + 5, 7);
        UploadResult stored = victim.client().upload(SegmentSource.of(victimData), "payroll.xlsx",
                UploadOptions.defaults().withVisibility("private"));
        assertTrue(stored.complete());
        victimFileId = stored.fileId();
        victimListing = listing(victim.bearer());
        Accounts accounts = new Accounts(api);
        attackerName = accounts.register(Accounts.uniqueName("mallory"));
        attackerToken = accounts.signIn(attackerName);
        bystander = DriveUsers.signIn(api, "bystander");
        bystanderData = randomBytes(6 * bystander.client().segmentSize() + 1, 11);
        bystanderUpload = CompletableFuture.supplyAsync(() -> bystander.client().upload(
                SegmentSource.of(bystanderData), "bystander.bin", UploadOptions.defaults()));
    }

    @AfterEach
    void nothingWasLost() {
        UploadResult result = bystanderUpload.join();
        assertTrue(result.complete(), result::toString);
        assertArrayEquals(bystanderData, bystander.client().downloadBytes(result.fileId()));
        assertArrayEquals(victimData, victim.client().downloadBytes(victimFileId));
        victim.close();
        bystander.close();
    }

    @AfterAll
    static void report() {
        StringBuilder text = new StringBuilder("Hostile input corpus:\n");
        int total = 0;
        for (var entry : REPORT.entrySet()) {
            int count = entry.getValue().values().stream().mapToInt(Integer::intValue).sum();
            total += count;
            text.append(String.format("  %-28s %4d  %s%n", entry.getKey(), count, entry.getValue()));
        }
        text.append(String.format("  %-28s %4d%n", "total", total));
        System.out.print(text);
    }

    // ------------------------------------------------------------------------------------------ REST API

    @Test
    void brokenAndHostileJsonBodiesAreClientErrors() {
        String victimFile = "api/files/" + victimFileId;
        int sent = 0;
        for (String body : HostileInputs.jsonBodies()) {
            rest("json bodies", "POST", "api/auth/register", body, throttled());
            rest("json bodies", "POST", "api/auth/login", body, throttled());
            rest("json bodies", "PATCH", victimFile, body, bearer(attackerToken));
            rest("json bodies", "PATCH", victimFile, body, bearer(victim.token()));
            sent += 4;
        }
        assertTrue(sent >= 200, "corpus size " + sent);
    }

    @Test
    void hostilePathsAndQueriesAreClientErrors() {
        int sent = 0;
        for (String segment : HostileInputs.pathSegments()) {
            rest("paths", "GET", "api/files/" + segment, null, bearer(attackerToken));
            rest("paths", "GET", "api/files/" + segment + "/content", null, bearer(attackerToken));
            rest("paths", "DELETE", "api/files/" + segment, null, bearer(attackerToken));
            rest("paths", "DELETE", "api/admin/sessions/" + segment, null, bearer(attackerToken));
            rest("paths", "GET", "api/covid/provinces/" + segment + "/daily", null, bearer(attackerToken));
            rest("paths", "GET", "api/folders/" + segment, null, bearer(attackerToken));
            rest("paths", "DELETE", "api/folders/" + segment, null, bearer(attackerToken));
            rest("paths", "POST", "api/trash/" + segment + "/restore", null, bearer(attackerToken));
            rest("paths", "DELETE", "api/trash/" + segment, null, bearer(attackerToken));
            rest("paths", "DELETE", "api/admin/files/" + segment, null, bearer(attackerToken));
            sent += 10;
        }
        for (String value : HostileInputs.fieldValues()) {
            String q = URLEncoder.encode(value, StandardCharsets.UTF_8);
            if (value.startsWith("Hà Nội")) {
                // Invisible characters around a real name are ignored like extra spaces: Hà Nội is answered.
                restAnyStatus("queries", "GET", "api/covid/lookup?province=" + q, bearer(attackerToken));
            } else {
                rest("queries", "GET", "api/covid/lookup?province=" + q, null, bearer(attackerToken));
            }
            if (value.isBlank()) {
                // A blank day or period is no day: the province's total or whole series, as the page sends it.
                restAnyStatus("queries", "GET", "api/covid/lookup?province=HCM&date=" + q, bearer(attackerToken));
                restAnyStatus("queries", "GET", "api/covid/provinces/1/daily?from=" + q + "&to=" + q, bearer(attackerToken));
            } else {
                rest("queries", "GET", "api/covid/lookup?province=HCM&date=" + q, null, bearer(attackerToken));
                rest("queries", "GET", "api/covid/provinces/1/daily?from=" + q + "&to=" + q, null, bearer(attackerToken));
            }
            restAnyStatus("queries", "GET", "api/files?name=" + q + "&owner=" + q + "&sort=" + q + "&page=" + q
                    + "&size=" + q, bearer(attackerToken));
            sent += 4;
        }
        // The victim's own file, reached by someone else: as good as absent.
        rest("paths", "GET", "api/files/" + victimFileId, null, bearer(attackerToken));
        rest("paths", "GET", "api/files/" + victimFileId + "/content", null, bearer(attackerToken));
        rest("paths", "DELETE", "api/files/" + victimFileId, null, bearer(attackerToken));
        rest("paths", "PATCH", "api/files/" + victimFileId, "{\"visibility\":\"shared\"}", bearer(attackerToken));
        rest("paths", "PATCH", "api/files/" + victimFileId, "{\"folderId\":\"\"}", bearer(attackerToken));
        rest("paths", "POST", "api/trash/" + victimFileId + "/restore", null, bearer(attackerToken));
        rest("paths", "DELETE", "api/trash/" + victimFileId, null, bearer(attackerToken));
        rest("paths", "DELETE", "api/admin/files/" + victimFileId, null, bearer(attackerToken));
        restAnyStatus("queries", "GET", "api/files/archive?id=" + victimFileId, bearer(attackerToken));
        assertTrue(sent >= 150, "corpus size " + sent);
    }

    @Test
    void tamperedTokensHeadersAndMethodsAreClientErrors() {
        JsonObject asVictim = ForgedTokens.claims(victim.name()).build();
        String real = attackerToken;
        List<String> tokens = new ArrayList<>(List.of("", "x", "a.b.c", "..", "Bearer",
                ForgedTokens.unsigned(asVictim),
                ForgedTokens.hs256(asVictim, "secret".getBytes(StandardCharsets.UTF_8)),
                ForgedTokens.rs256(asVictim, ForgedTokens.otherKey()),
                ForgedTokens.withPayload(real, asVictim),
                ForgedTokens.withPayload(real, Json.createObjectBuilder(ForgedTokens.payload(real))
                        .add("groups", Json.createArrayBuilder().add("admin")).build()),
                real.substring(0, real.length() - 2) + (real.endsWith("A") ? "BB" : "AA"),
                real + "." + real, real.replace('.', '_'), "x".repeat(60_000)));
        for (String token : tokens) {
            for (String path : List.of("api/auth/me", "api/files?mine=true", "api/admin/clients")) {
                rest("tokens", "GET", path, null, "Authorization", "Bearer " + token);
                rest("tokens", "GET", path, null, "Cookie", "MYDRIVE_SESSION=" + token);
            }
            rest("tokens", "DELETE", "api/files/" + victimFileId, null, "Authorization", "Bearer " + token);
        }
        for (String scheme : List.of("Basic YWRtaW46YWRtaW4=", "Digest x", "Bearer  " + real + " " + real, "bearer")) {
            rest("tokens", "GET", "api/auth/me", null, "Authorization", scheme);
        }
        // Wrong passwords throughout: a header trick must not turn a refused sign-in into a session.
        String credentials = Accounts.credentials(attackerName, "wrong password");
        for (String[] origin : List.of(new String[] {"Origin", "https://evil.example"}, new String[] {"Origin", "null"},
                new String[] {"Origin", "http://127.0.0.1.evil.example"})) {
            rest("headers", "POST", "api/auth/login", credentials, withThrottleAddress(origin));
            // Another site's page with the victim's cookie (cross-site request forgery of a sign-out).
            rest("headers", "POST", "api/auth/logout", "{}", concat(origin, new String[] {"Cookie", "MYDRIVE_SESSION=" + victim.token()}));
        }
        for (String type : List.of("text/plain", "application/xml", "application/x-www-form-urlencoded",
                "multipart/form-data; boundary=x", "application/json; charset=EBCDIC", "application/json-patch+json")) {
            rest("headers", "POST", "api/auth/login", credentials, withThrottleAddress(new String[] {"Content-Type", type}));
        }
        for (String method : List.of("PUT", "TRACE", "OPTIONS", "PROPFIND", "MKCOL")) {
            restAnyStatus("methods", method, "api/files/" + victimFileId, bearer(attackerToken));
        }
        for (String forwarded : List.of("' OR 1=1", "<script>", "999.999.999.999", "x".repeat(4000), "::1, evil")) {
            rest("headers", "POST", "api/auth/login", Accounts.credentials(attackerName, "wrong password"),
                    "X-Forwarded-For", forwarded);
        }
        // The victim's session is still the victim's own: nothing above ended or took it over.
        assertEquals(victim.name(), api.get("api/auth/me", bearer(victim.token())).json().getString("username"));
    }

    // ---------------------------------------------------------------------------------- transfer socket

    @Test
    void hostileSocketTrafficGetsAnErrorOrAClose() {
        Random random = new Random(42);
        TransferClient[] attacker = {connectAttacker()};
        int segment = attacker[0].segmentSize();
        int sent = 0;
        for (String text : HostileInputs.jsonBodies()) {
            socket("socket text", attacker, c -> c.sendText(text));
            sent++;
        }
        for (String name : List.of("../../etc/passwd", "..", "a/b", "a\\b", "", "\u0000", "x".repeat(300),
                "CON", "<script>alert(1)</script>")) {
            socket("socket uploads", attacker, c -> c.sendText(Json.createObjectBuilder().add("type", "upload")
                    .add("name", name).add("size", -5).build().toString()));
            sent++;
        }
        for (String field : List.of("size\":-1", "size\":1e30", "size\":\"big\"", "size\":99999999999999",
                "lastModified\":\"yesterday\"", "visibility\":\"world\"", "fingerprint\":\"zz\"", "sha256\":\"nothex\"")) {
            socket("socket uploads", attacker, c -> c.sendText("{\"type\":\"upload\",\"name\":\"f.bin\",\"size\":10,\""
                    + field + "}"));
            sent++;
        }
        for (String id : List.of("../../etc/passwd", victimFileId, "0".repeat(24), "<b>", "x".repeat(5000))) {
            socket("socket downloads", attacker, c -> c.sendText("{\"type\":\"download\",\"fileId\":\"" + id + "\"}"));
            socket("socket downloads", attacker, c -> c.sendText("{\"type\":\"get\",\"fileId\":\"" + id + "\",\"index\":0}"));
            socket("socket downloads", attacker, c -> c.sendText("{\"type\":\"cancel\",\"uploadId\":\"" + id + "\"}"));
            sent += 3;
        }
        for (int length : new int[] {0, 1, 23, 24, 25, 100, 4096, segment, segment + 24}) {
            byte[] noise = new byte[length];
            random.nextBytes(noise);
            socket("socket frames", attacker, c -> c.sendBinary(noise));
            sent++;
        }
        byte[] victimId = HexFormat.of().parseHex(victimFileId);
        for (int[] header : new int[][] {{0, 1, 0}, {2, 1, 0}, {1, 0, 0}, {1, 2, 0}, {1, 3, 0}, {1, 1, 0x80},
                {1, 1, 1}, {255, 255, 255}}) {
            byte[] frame = new byte[24 + 10];
            frame[0] = (byte) header[0];
            frame[1] = (byte) header[1];
            frame[2] = (byte) header[2];
            System.arraycopy(victimId, 0, frame, 4, 12);
            socket("socket frames", attacker, c -> c.sendBinary(frame));
            sent++;
        }
        for (int index : new int[] {-1, Integer.MIN_VALUE, Integer.MAX_VALUE, 1_000_000}) {
            byte[] frame = new byte[24 + 10];
            frame[0] = 1;
            frame[1] = 1;
            System.arraycopy(victimId, 0, frame, 4, 12);
            java.nio.ByteBuffer.wrap(frame).putInt(16, index);
            socket("socket frames", attacker, c -> c.sendBinary(frame));
            sent++;
        }
        // Too big for one message: the socket is closed, and a new one works.
        socket("socket frames", attacker, c -> c.sendText("{\"type\":\"ping\",\"pad\":\"" + "p".repeat(64 * 1024) + "\"}"));
        socket("socket frames", attacker, c -> c.sendBinary(new byte[attacker[0].welcome().getInt("maxMessageBytes") + 1]));
        sent += 2;
        // Handshakes with a bad token or from another site never open.
        for (String[] headers : List.of(new String[] {"Authorization", "Bearer forged"},
                new String[] {"Cookie", "MYDRIVE_SESSION=" + attackerToken, "Origin", "https://evil.example"},
                new String[] {"Authorization", "Bearer " + ForgedTokens.unsigned(ForgedTokens.claims(victim.name()).build())},
                new String[] {"Origin", "null"})) {
            try (TransferClient opened = TransferClient.connect(api.transferSocket(), null, headers)) {
                fail("A handshake with " + String.join(" ", headers) + " opened: " + opened.welcome());
            } catch (CompletionException e) {
                int status = ((WebSocketHandshakeException) e.getCause()).getResponse().statusCode();
                tally("socket handshakes", "refused " + status);
                checkInvariants("handshake " + String.join(" ", headers));
            }
            sent++;
        }
        attacker[0].close();
        assertTrue(sent >= 90, "corpus size " + sent);
    }

    // ------------------------------------------------------------------------------------- Faces forms

    @Test
    void hostileSignInFormValuesAreRefusedAndEscaped() {
        FacesForm form = new FacesForm(api.base());
        for (String value : HostileInputs.fieldValues()) {
            String page = form.signIn(value, value);
            String outcome = form.lastStatus() + (page.contains("ui-messages-error") ? " form error" : " no message");
            assertTrue(form.lastStatus() < 500, () -> value + " -> " + form.lastStatus());
            assertFalse(page.contains("<script>alert(1)") || page.contains("<img src=x"), "unescaped input");
            assertFalse(form.signedIn(), "signed in with " + value);
            tally("faces sign-in", outcome);
            checkInvariants("sign-in form " + value);
        }
        // What a pushed-out page passes to the sign-in page: a reason in the address, an ended token's id and a
        // device token in cookies. Never echoed, never a server error.
        for (String value : HostileInputs.fieldValues()) {
            String encoded = java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
            String cookie = value.replaceAll("[^\\x21-\\x7e]|[;,\"\\\\]", "_");
            ApiClient.Reply page = api.get("login.xhtml?ended=" + encoded, "Cookie",
                    "MYDRIVE_ENDED=" + cookie + "; MYDRIVE_DEVICE=" + cookie);
            assertTrue(page.status() < 500, () -> value + " -> " + page.status());
            assertFalse(page.body().contains("<script>alert(1)") || page.body().contains("<img src=x"), "unescaped input");
            tally("sign-in page parameters and cookies", String.valueOf(page.status()));
            checkInvariants("sign-in page " + value);
        }
        for (String viewState : List.of("", "-1", "x".repeat(10_000), "stale:12345", "rO0ABXNyABFqYXZh")) {
            form.signInWithViewState("someone", "password", viewState);
            assertTrue(form.lastStatus() < 500, () -> "view state " + viewState + " -> " + form.lastStatus());
            tally("faces view state", String.valueOf(form.lastStatus()));
            checkInvariants("view state " + viewState);
        }
    }

    // -------------------------------------------------------------------------------- connection level

    @Test
    void slowBrokenAndFloodingConnectionsDoNotStopOthers() throws Exception {
        URI base = api.base();
        List<Socket> held = new ArrayList<>();
        try {
            // Clients that start a request and never finish it.
            held.add(raw(base, "POST " + base.getPath() + "api/auth/login HTTP/1.1\r\nHost: x\r\n"));
            held.add(raw(base, "POST " + base.getPath() + "api/auth/login HTTP/1.1\r\nHost: x\r\n"
                    + "Content-Type: application/json\r\nContent-Length: 100000\r\n\r\n{\"username\":"));
            held.add(raw(base, "GET " + base.getPath() + "ws/transfer HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\n"
                    + "Connection: Upgrade\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: AAAAAAAAAAAAAAAAAAAAAA==\r\n"));
            tally("connections", "slow client held");
            checkInvariants("slow clients");
            // A flood of idle connections.
            for (int i = 0; i < 200; i++) {
                held.add(new Socket(base.getHost(), base.getPort()));
            }
            tally("connections", "flood of 200 idle connections");
            checkInvariants("connection flood");
            for (int i = 0; i < 30; i++) {
                try {
                    TransferClient.connect(api.transferSocket(), "not-a-token").close();
                    fail("opened");
                } catch (CompletionException e) {
                    // Refused at the handshake, as it should be.
                }
            }
            tally("connections", "flood of 30 refused handshakes");
            checkInvariants("handshake flood");
        } finally {
            for (Socket socket : held) {
                socket.close();
            }
        }
        for (String request : List.of("\u0000\u00ff\u0001garbage\r\n\r\n", "GET / HTTP/9.9\r\n\r\n",
                "GET " + base.getPath() + "api/auth/me HTTP/1.1\r\nHost: x\r\nX-Big: " + "h".repeat(70_000) + "\r\n\r\n",
                "POST " + base.getPath() + "api/auth/login HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n"
                        + "Transfer-Encoding: chunked\r\n\r\n0\r\n\r\n",
                "GET /mydrive/../../../../etc/passwd HTTP/1.1\r\nHost: x\r\n\r\n",
                "GET " + base.getPath() + "%2e%2e/%2e%2e/standalone/configuration/standalone.xml HTTP/1.1\r\nHost: x\r\n\r\n")) {
            String answer = answerOf(base, request);
            assertFalse(answer.contains("root:") || answer.contains("<server xmlns"), "leaked a file: " + answer);
            tally("connections", answer.isEmpty() ? "closed without answer" : answer);
            checkInvariants("raw request " + request.substring(0, Math.min(30, request.length())));
        }
    }

    // -------------------------------------------------------------------------------------- invariants

    /** Sends one REST input that must be refused: a 4xx with a JSON error body. */
    private void rest(String kind, String method, String path, String body, String... headers) {
        ApiClient.Reply reply = api.sendJson(method, path, body, headers);
        assertTrue(reply.status() >= 400 && reply.status() < 500,
                () -> method + " " + clip(path) + " " + clip(body) + " -> " + reply.status() + " " + clip(reply.body()));
        String code = reply.body().startsWith("{") ? reply.json().getString("error", "?") : "(server's page)";
        // Only the server itself answers before the app: an undecodable URL (400), an encoded slash (Payara:
        // 403), no such path (404), no such method (405). Everything the app refuses is explained in JSON.
        boolean serverMayAnswer = Set.of(400, 404, 405).contains(reply.status())
                || reply.status() == 403 && path.toLowerCase(java.util.Locale.ROOT).contains("%2f");
        if (!serverMayAnswer) {
            assertFalse("(server's page)".equals(code), () -> method + " " + clip(path) + " -> " + reply);
        }
        tally(kind, reply.status() + " " + code);
        checkInvariants(method + " " + clip(path) + " " + clip(body));
    }

    /** An input whose answer may be a success (a filter that matches nothing), but never a server error. */
    private void restAnyStatus(String kind, String method, String path, String... headers) {
        ApiClient.Reply reply = api.sendJson(method, path, null, headers);
        assertTrue(reply.status() < 500, () -> method + " " + clip(path) + " -> " + reply);
        tally(kind, String.valueOf(reply.status()));
        checkInvariants(method + " " + clip(path));
    }

    /** Sends one socket input; it must be answered with an error, or the socket closed (then reopened). */
    private void socket(String kind, TransferClient[] attacker, java.util.function.Consumer<TransferClient> input) {
        input.accept(attacker[0]);
        long deadline = System.nanoTime() + WAIT.toNanos();
        String outcome = null;
        while (outcome == null && System.nanoTime() < deadline) {
            try {
                JsonObject reply = attacker[0].await(m -> "error".equals(m.getString("type", ""))
                        || "upload-ready".equals(m.getString("type", "")), Duration.ofMillis(300));
                outcome = reply.getString("type").equals("error") ? "error " + reply.getString("error") : "accepted";
            } catch (TransferClient.NoAnswerException noReplyYet) {
                if (!attacker[0].isOpen()) {
                    outcome = "closed " + attacker[0].awaitCloseCode(WAIT);
                    attacker[0] = connectAttacker();
                }
            }
        }
        assertTrue(outcome != null, kind + ": no answer and no close");
        tally(kind, outcome);
        checkInvariants(kind);
    }

    private TransferClient connectAttacker() {
        return TransferClient.connect(api.transferSocket(), attackerToken);
    }

    /** After every input: the server answers, the victim's files are as they were, the attacker owns nothing. */
    private void checkInvariants(String after) {
        assertEquals(victimListing, listing(victim.bearer()), () -> "the victim's files changed after " + after);
        ApiClient.Reply attackers = api.get("api/files?mine=true", bearer(attackerToken));
        if (attackers.status() == 200) {
            assertEquals(0, attackers.json().getJsonNumber("total").longValue(), () -> "the attacker owns a file after " + after);
        }
    }

    private String listing(String[] bearer) {
        ApiClient.Reply reply = api.get("api/files?mine=true", bearer);
        assertEquals(200, reply.status(), reply::toString);
        return reply.body();
    }

    private static void tally(String kind, String outcome) {
        synchronized (REPORT) {
            REPORT.computeIfAbsent(kind, k -> new TreeMap<>()).merge(outcome, 1, Integer::sum);
        }
    }

    /** Failed sign-ins come from documentation addresses, so the corpus does not lock out 127.0.0.1. */
    private static String[] throttled() {
        return new String[] {"X-Forwarded-For", "198.51.100." + (1 + new Random().nextInt(250))};
    }

    private static String[] withThrottleAddress(String[] headers) {
        return concat(headers, throttled());
    }

    private static String[] bearer(String token) {
        return Accounts.bearer(token);
    }

    private static String[] concat(String[] a, String[] b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    private static String clip(String text) {
        return text == null ? "" : text.length() > 80 ? text.substring(0, 80) + "…" : text;
    }

    private static Socket raw(URI base, String start) throws IOException {
        Socket socket = new Socket(base.getHost(), base.getPort());
        socket.getOutputStream().write(start.getBytes(StandardCharsets.ISO_8859_1));
        socket.getOutputStream().flush();
        return socket;
    }

    /** The status line the server answers a raw request with, or "" if it closed the connection. */
    private static String answerOf(URI base, String request) {
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            StringBuilder statusLine = new StringBuilder();
            for (int b = in.read(); b >= 0 && b != '\n'; b = in.read()) {
                statusLine.append((char) b);
            }
            return statusLine.toString().strip().replaceFirst("HTTP/1\\.[01] ", "");
        } catch (java.net.SocketTimeoutException e) {
            return "no answer within 10 s";
        } catch (IOException e) {
            return "";
        }
    }

    /** The sign-in form driven as a browser posts it: PrimeFaces AJAX with the view state of a fresh page. */
    private static final class FacesForm {
        private static final Pattern VIEW_STATE = Pattern.compile("name=\"jakarta\\.faces\\.ViewState\"[^>]*value=\"([^\"]+)\"");
        private final java.net.http.HttpClient http = java.net.http.HttpClient.newBuilder()
                .cookieHandler(new java.net.CookieManager()).build();
        private final URI login;
        private int lastStatus;

        FacesForm(URI base) {
            this.login = base.resolve("login.xhtml");
        }

        String signIn(String username, String password) {
            return signInWithViewState(username, password, viewState());
        }

        String signInWithViewState(String username, String password, String viewState) {
            Map<String, String> fields = new java.util.LinkedHashMap<>();
            fields.put("jakarta.faces.partial.ajax", "true");
            fields.put("jakarta.faces.source", "signIn:submit");
            fields.put("jakarta.faces.partial.execute", "signIn");
            fields.put("jakarta.faces.partial.render", "forms");
            fields.put("signIn:submit", "signIn:submit");
            fields.put("signIn", "signIn");
            fields.put("signIn:username", username);
            fields.put("signIn:password", password);
            fields.put("jakarta.faces.ViewState", viewState);
            StringBuilder form = new StringBuilder();
            fields.forEach((k, v) -> form.append(form.isEmpty() ? "" : "&").append(URLEncoder.encode(k, StandardCharsets.UTF_8))
                    .append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
            var response = exchange(java.net.http.HttpRequest.newBuilder(login)
                    .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
                    .header("Faces-Request", "partial/ajax")
                    .header("X-Forwarded-For", "198.51.100.77")
                    .POST(BodyPublishers.ofString(form.toString())).build());
            lastStatus = response.statusCode();
            return response.body();
        }

        int lastStatus() {
            return lastStatus;
        }

        boolean signedIn() {
            return ((java.net.CookieManager) http.cookieHandler().orElseThrow()).getCookieStore().getCookies()
                    .stream().anyMatch(c -> c.getName().equals("MYDRIVE_SESSION") && !c.getValue().isEmpty());
        }

        private String viewState() {
            String page = exchange(java.net.http.HttpRequest.newBuilder(login).GET().build()).body();
            Matcher matcher = VIEW_STATE.matcher(page);
            assertTrue(matcher.find(), "no view state on the sign-in page");
            return matcher.group(1);
        }

        private java.net.http.HttpResponse<String> exchange(java.net.http.HttpRequest request) {
            try {
                return http.send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
