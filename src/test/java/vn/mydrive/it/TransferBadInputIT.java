package vn.mydrive.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.mydrive.it.TransferIT.randomBytes;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URL;
import java.net.http.WebSocketHandshakeException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.mydrive.client.SegmentSource;
import vn.mydrive.client.TransferClient;
import vn.mydrive.client.TransferClient.UploadOptions;
import vn.mydrive.client.TransferClient.UploadResult;
import vn.mydrive.drive.protocol.SegmentFrame;
import vn.mydrive.testkit.ApiClient;

/**
 * Hostile and broken clients on the transfer socket. Each gets a clear error or close code, while another
 * user's upload runs alongside and must finish intact, and nothing partial ever becomes visible.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class TransferBadInputIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.builtWar();
    }

    @ArquillianResource
    URL deployment;

    private ApiClient api;
    private DriveUsers attacker;
    private DriveUsers bystander;
    private byte[] bystanderData;
    private CompletableFuture<UploadResult> bystanderUpload;

    @BeforeEach
    void start() {
        api = new ApiClient(deployment);
        attacker = DriveUsers.signIn(api, "mallory");
        bystander = DriveUsers.signIn(api, "bystander");
        bystanderData = randomBytes(8 * bystander.client().segmentSize() + 3, 99);
        bystanderUpload = CompletableFuture.supplyAsync(() -> bystander.client().upload(
                SegmentSource.of(bystanderData), "bystander.bin", UploadOptions.defaults().withSha256()));
    }

    @AfterEach
    void bystanderIsUnaffected() {
        UploadResult result = bystanderUpload.join();
        assertTrue(result.complete());
        assertArrayEquals(bystanderData, bystander.client().downloadBytes(result.fileId()));
        assertEquals(0, api.get("api/files?mine=true", attacker.bearer()).json().getJsonNumber("total").longValue(),
                "nothing the attacker sent became a file");
        attacker.close();
        bystander.close();
    }

    @Test
    void noTokenOrABadTokenIsRefusedAtTheHandshake() {
        assertHandshakeRefused(null, 401);
        assertHandshakeRefused("not-a-token", 401);
        assertHandshakeRefused(ForgedTokens.rs256(ForgedTokens.claims(attacker.name()).build(), ForgedTokens.otherKey()), 401);
    }

    @Test
    void aCookieFromAnotherSitesPageIsRefused() {
        CompletionException refused = assertThrows(CompletionException.class, () -> TransferClient.connect(
                api.transferSocket(), null, "Cookie", "MYDRIVE_SESSION=" + attacker.token(), "Origin", "https://evil.example"));
        assertEquals(403, ((WebSocketHandshakeException) refused.getCause()).getResponse().statusCode());

        String origin = "http://" + api.base().getAuthority();
        try (TransferClient sameSite = TransferClient.connect(api.transferSocket(), null,
                "Cookie", "MYDRIVE_SESSION=" + attacker.token(), "Origin", origin)) {
            assertEquals("welcome", sameSite.welcome().getString("type"));
        }
    }

    @Test
    void brokenControlMessagesGetTheirErrorCode() {
        assertError("{not json", "malformed_message");
        assertError("[1,2,3]", "malformed_message");
        assertError("{\"type\": 5}", "malformed_message");
        assertError("{\"no\": \"type\"}", "malformed_message");
        assertError("{\"type\": \"format-disk\"}", "unknown_type");
        assertError("{\"type\": \"get\", \"fileId\": \"x\"}", "malformed_message");
        assertError("{\"type\": \"download\", \"fileId\": \"../../etc/passwd\"}", "not_found");
        assertError("{\"type\": \"cancel\", \"uploadId\": \"" + "f".repeat(24) + "\"}", "not_found");
        assertError("{\"type\": \"upload\", \"ref\": \"" + "r".repeat(65) + "\", \"name\": \"x\", \"size\": 1}",
                "malformed_message");
    }

    @Test
    void framesWithBadHeadersAreRejected() {
        String uploadId = startUpload(3);

        assertSegmentError(new byte[10], "bad_frame");
        assertSegmentError(header(2, 1, 0, uploadId, 0, 100), "bad_frame");
        assertSegmentError(header(1, 2, 0, uploadId, 0, 100), "bad_frame");
        assertSegmentError(header(1, 1, 0x80, uploadId, 0, 100), "bad_frame");
    }

    @Test
    void indexesAndLengthsMustFitTheDeclaredFile() {
        int segment = attacker.client().segmentSize();
        String uploadId = startUpload(2L * segment + 10);

        assertSegmentError(header(1, 1, 0, uploadId, -1, segment), "bad_segment");
        assertSegmentError(header(1, 1, 0, uploadId, 3, segment), "bad_segment");
        assertSegmentError(header(1, 1, 0, uploadId, Integer.MAX_VALUE, 10), "bad_segment");
        // The last segment carries more than the declared size leaves for it.
        assertSegmentError(header(1, 1, 0, uploadId, 2, 11), "bad_segment");
        // A middle segment shorter than a segment.
        assertSegmentError(header(1, 1, 0, uploadId, 1, segment - 1), "bad_segment");
        // A damaged segment asks to be sent again.
        byte[] damaged = header(1, 1, 1, uploadId, 2, 10);
        JsonObject error = sendSegment(damaged);
        assertEquals("segment_checksum", error.getString("error"));
        assertTrue(error.getBoolean("retry"));
    }

    @Test
    void aWrongFirstSegmentDoesNotMatchTheFingerprint() {
        String uploadId = startUpload(100);

        assertSegmentError(header(1, 1, 0, uploadId, 0, 100), "fingerprint_mismatch");
    }

    @Test
    void anotherUsersUploadIdIsUnknown() {
        byte[] data = randomBytes(3 * attacker.client().segmentSize(), 5);
        UploadResult theirs = bystander.client().upload(SegmentSource.of(data), "theirs.bin",
                UploadOptions.defaults().stoppingAfter(1));

        assertSegmentError(TransferClient.frame(SegmentSource.of(data), theirs.uploadId(), 1,
                attacker.client().segmentSize()), "not_found");
        assertError("{\"type\":\"cancel\",\"uploadId\":\"" + theirs.uploadId() + "\"}", "not_found");
    }

    @Test
    void aFrameAboveTheSizeLimitClosesTheSocket() {
        byte[] huge = new byte[attacker.client().welcome().getInt("maxMessageBytes") + 1];
        huge[0] = 1;
        huge[1] = 1;

        attacker.client().sendBinary(huge);

        assertEquals(1009, attacker.client().awaitCloseCode(WAIT));
        assertEquals("frame_too_large", attacker.client().closeReason());
    }

    @Test
    void aControlMessageAboveTheSizeLimitClosesTheSocket() {
        attacker.client().sendText("{\"type\":\"ping\",\"pad\":\"" + "x".repeat(16 * 1024) + "\"}");

        assertEquals(1009, attacker.client().awaitCloseCode(WAIT));
        assertEquals("message_too_large", attacker.client().closeReason());
    }

    @Test
    void aClientThatKeepsErringIsDisconnected() {
        for (int i = 0; i < 150 && attacker.client().isOpen(); i++) {
            attacker.client().sendText("{\"type\":\"nonsense\"}");
        }

        assertEquals(1008, attacker.client().awaitCloseCode(WAIT));
        assertEquals("too_many_errors", attacker.client().closeReason());
    }

    @Test
    void aClientThatIgnoresTheWindowIsToldAndLosesNothing() {
        int segment = attacker.client().segmentSize();
        byte[] data = randomBytes(40 * segment, 8);
        String uploadId = startUpload(data, "flood.bin");
        for (int i = 0; i < 40; i++) {
            attacker.client().sendBinary(TransferClient.frame(SegmentSource.of(data), uploadId, i, segment));
        }
        // Every segment is answered: stored, or refused as over the window (to be resent).
        int answered = 0;
        java.util.List<Integer> refused = new java.util.ArrayList<>();
        while (answered < 40) {
            JsonObject reply = attacker.client().await(m -> uploadId.equals(m.getString("uploadId", null))
                    && ("ack".equals(m.getString("type")) || "error".equals(m.getString("type"))), WAIT);
            answered++;
            if ("error".equals(reply.getString("type"))) {
                assertTrue(reply.getBoolean("retry"), reply::toString);
                refused.add(reply.getInt("index"));
            }
        }
        String fileId;
        if (refused.isEmpty()) {
            // The server kept up: no segment was ever over the window, and the file is complete.
            fileId = attacker.client().await(m -> "complete".equals(m.getString("type"))
                    && uploadId.equals(m.getString("uploadId")), WAIT).getString("fileId");
        } else {
            UploadResult rest = attacker.client().upload(SegmentSource.of(data), "flood.bin", UploadOptions.defaults());
            assertTrue(rest.complete());
            assertEquals(uploadId, rest.uploadId());
            assertEquals(refused.size(), rest.segmentsSent(), "only the refused segments are sent again");
            fileId = rest.fileId();
        }
        assertArrayEquals(data, attacker.client().downloadBytes(fileId));
        api.send("DELETE", "api/files/" + fileId, java.net.http.HttpRequest.BodyPublishers.noBody(),
                attacker.bearer());
        api.send("DELETE", "api/trash/" + fileId, java.net.http.HttpRequest.BodyPublishers.noBody(),
                attacker.bearer());
    }

    // ---------------------------------------------------------------- helpers

    private void assertHandshakeRefused(String token, int status) {
        CompletionException refused = assertThrows(CompletionException.class,
                () -> TransferClient.connect(api.transferSocket(), token));
        assertTrue(refused.getCause() instanceof WebSocketHandshakeException, refused::toString);
        assertEquals(status, ((WebSocketHandshakeException) refused.getCause()).getResponse().statusCode());
    }

    private void assertError(String message, String code) {
        attacker.client().sendText(message);
        JsonObject error = attacker.client().await(m -> "error".equals(m.getString("type")), WAIT);
        assertEquals(code, error.getString("error"), () -> message + " -> " + error);
        assertFalse(error.getString("message").isBlank());
        assertTrue(attacker.client().isOpen());
    }

    private void assertSegmentError(byte[] frame, String code) {
        JsonObject error = sendSegment(frame);
        assertEquals(code, error.getString("error"), error::toString);
    }

    private JsonObject sendSegment(byte[] frame) {
        attacker.client().sendBinary(frame);
        return attacker.client().await(m -> "error".equals(m.getString("type")) && "segment".equals(m.getString("request")), WAIT);
    }

    private String startUpload(long size) {
        attacker.client().sendText(Json.createObjectBuilder().add("type", "upload").add("ref", "bad")
                .add("name", "bad-" + size + ".bin").add("size", size).add("fingerprint", "12345678").build().toString());
        return attacker.client().await(m -> "upload-ready".equals(m.getString("type")), WAIT).getString("uploadId");
    }

    private String startUpload(byte[] data, String name) {
        SegmentSource source = SegmentSource.of(data);
        attacker.client().sendText(Json.createObjectBuilder().add("type", "upload").add("ref", name)
                .add("name", name).add("size", data.length).add("lastModified", 1_700_000_000_000L)
                .add("fingerprint", TransferClient.fingerprint(source, attacker.client().segmentSize()))
                .build().toString());
        return attacker.client().await(m -> "upload-ready".equals(m.getString("type")), WAIT).getString("uploadId");
    }

    /** A frame with the given header fields and {@code length} zero bytes (CRC set to 0 when flagged). */
    private static byte[] header(int version, int kind, int flags, String id, int index, int length) {
        byte[] frame = new byte[SegmentFrame.HEADER_BYTES + length];
        ByteBuffer.wrap(frame).put((byte) version).put((byte) kind).put((byte) flags).put((byte) 0).put(HexFormat.of().parseHex(id))
                .putInt(index).putInt(flags == 1 ? 0xdeadbeef : 0);
        return frame;
    }
}
