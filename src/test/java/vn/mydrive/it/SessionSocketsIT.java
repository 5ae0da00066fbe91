package vn.mydrive.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.mydrive.testkit.Accounts.bearer;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URL;
import java.net.http.HttpRequest.BodyPublishers;
import java.time.Duration;
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
import vn.mydrive.testkit.Accounts;
import vn.mydrive.testkit.ApiClient;

/**
 * A session's end reaches its open transfer sockets: they close with 4401 and the reason, and no request sent
 * after the end is served, whichever way the session ended. Permission is checked on every segment, not once
 * per socket.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SessionSocketsIT {

    private static final Duration CLOSE_WAIT = Duration.ofSeconds(10);

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
    void signingOutClosesTheSocketWithItsReason() {
        String token = accounts.newSignedInUser("out");
        try (TransferClient client = TransferClient.connect(api.transferSocket(), token)) {
            assertEquals(204, api.post("api/auth/logout", null, bearer(token)).status());

            assertEquals(4401, client.awaitCloseCode(CLOSE_WAIT));
            assertEquals("signed_out", client.closeReason());
        }
    }

    @Test
    void aTakeOverClosesTheOldSessionsSocket() {
        String name = accounts.register(Accounts.uniqueName("taken"));
        String token = accounts.signIn(name);
        try (TransferClient client = TransferClient.connect(api.transferSocket(), token)) {
            accounts.signInTakingOver(name, Accounts.PASSWORD, Accounts.anyAddress());

            assertEquals(4401, client.awaitCloseCode(CLOSE_WAIT));
            assertEquals("signed_in_elsewhere", client.closeReason());
        }
    }

    @Test
    void anAdminEndingTheSessionClosesItsSocket() {
        String name = accounts.register(Accounts.uniqueName("ended"));
        String token = accounts.signIn(name);
        String admin = accounts.signInTakingOver("admin", Accounts.ADMIN_PASSWORD, Accounts.anyAddress());
        try (TransferClient client = TransferClient.connect(api.transferSocket(), token)) {
            assertEquals(204, api.send("DELETE", "api/admin/sessions/" + name, BodyPublishers.noBody(),
                    bearer(admin)).status());

            assertEquals(4401, client.awaitCloseCode(CLOSE_WAIT));
            assertEquals("ended_by_admin", client.closeReason());
        }
    }

    @Test
    void noSegmentIsStoredOnceTheSessionEnded() {
        String name = accounts.register(Accounts.uniqueName("late-up"));
        String token = accounts.signIn(name);
        byte[] data = TransferIT.randomBytes(300_000, 41);
        String uploadId;
        try (TransferClient client = TransferClient.connect(api.transferSocket(), token)) {
            client.sendText(uploadMessage("late.bin", data, client.segmentSize()));
            uploadId = client.awaitType("upload-ready").getString("uploadId");
            api.post("api/auth/logout", null, bearer(token));

            client.sendBinary(TransferClient.frame(SegmentSource.of(data), uploadId, 0,
                    client.segmentSize()));

            assertEquals(4401, client.awaitCloseCode(CLOSE_WAIT));
            assertThrows(TransferClient.NoAnswerException.class, () -> client.await(m -> "ack".equals(m.getString("type", "")),
                    Duration.ofSeconds(1)));
        }
        String again = accounts.signIn(name);
        try (TransferClient client = TransferClient.connect(api.transferSocket(), again)) {
            client.sendText(uploadMessage("late.bin", data, client.segmentSize()));
            JsonObject ready = client.awaitType("upload-ready");
            assertEquals(uploadId, ready.getString("uploadId"));
            assertEquals(0, ready.getJsonArray("have").size(), "the segment sent after sign-out was not stored");
        }
    }

    @Test
    void noSegmentIsSentOnceTheSessionEnded() {
        String name = accounts.register(Accounts.uniqueName("late-down"));
        String token = accounts.signIn(name);
        try (TransferClient client = TransferClient.connect(api.transferSocket(), token)) {
            String fileId = client.upload(SegmentSource.of(TransferIT.randomBytes(200_000, 42)), "private.bin",
                    UploadOptions.defaults().withVisibility("private")).fileId();
            client.sendText("{\"type\":\"download\",\"fileId\":\"" + fileId + "\"}");
            client.awaitType("download-ready");
            api.post("api/auth/logout", null, bearer(token));

            client.sendText("{\"type\":\"get\",\"fileId\":\"" + fileId + "\",\"index\":0}");

            assertEquals(4401, client.awaitCloseCode(CLOSE_WAIT));
            assertEquals(0, client.binaryFramesReceived());
        }
    }

    @Test
    void aFileMadePrivateStopsBeingServedToOthersAtOnce() {
        String ownerToken = accounts.newSignedInUser("sharer");
        String readerToken = accounts.newSignedInUser("reader");
        try (TransferClient owner = TransferClient.connect(api.transferSocket(), ownerToken);
             TransferClient reader = TransferClient.connect(api.transferSocket(), readerToken)) {
            String fileId = owner.upload(SegmentSource.of(TransferIT.randomBytes(300_000, 43)), "shared.bin",
                    UploadOptions.defaults()).fileId();
            reader.sendText("{\"type\":\"download\",\"fileId\":\"" + fileId + "\"}");
            reader.awaitType("download-ready");

            assertEquals(200, api.sendJson("PATCH", "api/files/" + fileId, "{\"visibility\":\"private\"}",
                    bearer(ownerToken)).status());
            reader.sendText("{\"type\":\"get\",\"fileId\":\"" + fileId + "\",\"index\":0}");

            JsonObject error = reader.awaitType("error");
            assertEquals("not_found", error.getString("error"));
            assertEquals(fileId, error.getString("fileId"));
            assertEquals(0, reader.binaryFramesReceived());
        }
    }

    @Test
    void aDownloadErrorNamesTheFile() {
        String token = accounts.newSignedInUser("missing");
        try (TransferClient client = TransferClient.connect(api.transferSocket(), token)) {
            client.sendText("{\"type\":\"download\",\"ref\":\"r1\",\"fileId\":\"0123456789abcdef01234567\"}");

            JsonObject error = client.awaitType("error");

            assertEquals("download", error.getString("request"));
            assertEquals("0123456789abcdef01234567", error.getString("fileId"));
            assertEquals("r1", error.getString("ref"));
        }
    }

    @Test
    void anAccountMayHoldOnlySoManySockets() {
        String token = accounts.newSignedInUser("greedy");
        java.util.List<TransferClient> open = new java.util.ArrayList<>();
        try {
            for (int i = 0; i < 10; i++) {
                open.add(TransferClient.connect(api.transferSocket(), token));
            }
            TransferClient eleventh = TransferClient.connect(api.transferSocket(), token);
            open.add(eleventh);

            assertEquals(4429, eleventh.awaitCloseCode(CLOSE_WAIT));
            assertEquals("too_many_connections", eleventh.closeReason());
            assertTrue(open.get(0).isOpen(), "the ones already open are not affected");
        } finally {
            open.forEach(TransferClient::close);
        }
    }

    @Test
    void aRefusedHandshakeIsAJsonErrorAndStartsNoHttpSession() {
        String answer = RawHttp.exchange(deployment.getPort(), "GET " + deployment.getPath() + "ws/transfer HTTP/1.1\r\n"
                + "Host: 127.0.0.1:" + deployment.getPort() + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n");

        assertTrue(answer.startsWith("HTTP/1.1 401"), answer);
        assertTrue(answer.toLowerCase(java.util.Locale.ROOT).contains("www-authenticate: bearer"), answer);
        assertTrue(answer.contains("{\"error\":\"unauthenticated\""), answer);
        assertFalse(answer.contains("JSESSIONID"), answer);
    }

    private static String uploadMessage(String name, byte[] data, int segmentSize) {
        return Json.createObjectBuilder().add("type", "upload").add("name", name).add("size", data.length)
                .add("lastModified", 1_700_000_000_000L)
                .add("fingerprint", TransferClient.fingerprint(SegmentSource.of(data), segmentSize)).build().toString();
    }
}
