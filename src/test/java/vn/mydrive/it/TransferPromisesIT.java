package vn.mydrive.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URL;
import java.time.Duration;
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
import vn.mydrive.testkit.ApiClient;

/**
 * What docs/transfer-protocol.md promises a client written from it alone: a lost {@code complete} is recovered by
 * asking again, a client that keeps to the window is never told it exceeded it, a wrong first segment ends its
 * upload, and a client that stops sending heartbeats is closed with the documented code.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class TransferPromisesIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.builtWar();
    }

    @ArquillianResource
    URL deployment;

    private ApiClient api;
    private DriveUsers user;

    @BeforeEach
    void signIn() {
        api = new ApiClient(deployment);
        user = DriveUsers.signIn(api, "promises");
    }

    @AfterEach
    void close() {
        user.close();
    }

    @Test
    void theSameUploadOfACompletedFileIsAnsweredWithThatFileEveryTime() {
        byte[] data = TransferIT.randomBytes(2 * user.client().segmentSize() + 7, 51);
        UploadResult first = user.client().upload(SegmentSource.of(data), "lost.bin", UploadOptions.defaults());

        // The client lost the answer (its connection dropped): it asks again, on a new connection, twice.
        for (int attempt = 0; attempt < 2; attempt++) {
            try (TransferClient again = TransferClient.connect(api.transferSocket(), user.token())) {
                UploadResult answer = again.upload(SegmentSource.of(data), "lost.bin", UploadOptions.defaults());
                assertEquals(first.fileId(), answer.fileId());
                assertEquals(0, answer.segmentsSent(), "nothing is sent again");
                assertEquals(first.sha256(), answer.sha256());
            }
        }
        assertEquals(1, api.get("api/files?mine=true&name=lost.bin", user.bearer()).json().getInt("total"),
                "no duplicate appeared");
    }

    @Test
    void aSegmentSentAgainAfterCompletionIsAcknowledgedAndTheFileNamedAgain() {
        byte[] data = TransferIT.randomBytes(user.client().segmentSize() + 3, 52);
        UploadResult done = user.client().upload(SegmentSource.of(data), "again.bin", UploadOptions.defaults());

        user.client().sendBinary(TransferClient.frame(SegmentSource.of(data), done.uploadId(),
                1, user.client().segmentSize()));

        JsonObject ack = user.client().await(m -> "ack".equals(m.getString("type", ""))
                && m.getBoolean("repeat", false), WAIT);
        assertEquals(1, ack.getInt("index"));
        JsonObject complete = user.client().await(m -> "complete".equals(m.getString("type", ""))
                && done.fileId().equals(m.getString("fileId", "")) && !m.containsKey("ref"), WAIT);
        assertEquals(done.sha256(), complete.getString("sha256"));
    }

    @Test
    void aRenamedFileNoLongerAnswersItsUpload() {
        byte[] data = TransferIT.randomBytes(1000, 53);
        UploadResult done = user.client().upload(SegmentSource.of(data), "before.txt", UploadOptions.defaults());
        assertEquals(200, api.sendJson("PATCH", "api/files/" + done.fileId(), "{\"name\":\"after.txt\"}",
                user.bearer()).status());

        UploadResult again = user.client().upload(SegmentSource.of(data), "before.txt", UploadOptions.defaults());

        assertTrue(again.complete());
        assertNotEquals(done.fileId(), again.fileId(), "uploading it again under its old name makes a new file");
    }

    @Test
    void aClientKeepingToTheWindowIsNeverToldItExceededIt() {
        int segments = 40;
        byte[] data = TransferIT.randomBytes(segments * user.client().segmentSize(), 54);

        UploadResult result = user.client().upload(SegmentSource.of(data), "window.bin", UploadOptions.defaults());
        byte[] back = user.client().downloadBytes(result.fileId());
        byte[] again = user.client().downloadBytes(result.fileId());

        assertArrayEquals(data, back);
        assertArrayEquals(data, again);
        assertEquals(0, user.client().windowExceededErrors(),
                "a slot is free before its answer is sent, so a new request after an answer always fits");
    }

    @Test
    void aWrongFirstSegmentEndsItsUploadAndFreesItsQuota() {
        long usedBefore = usage();
        byte[] data = TransferIT.randomBytes(user.client().segmentSize() + 10, 55);
        String declared = Json.createObjectBuilder().add("type", "upload").add("name", "changed.bin")
                .add("size", data.length).add("lastModified", 1L).add("fingerprint", "00000000").build().toString();
        user.client().sendText(declared);
        String uploadId = user.client().awaitType("upload-ready").getString("uploadId");
        assertEquals(usedBefore + data.length, usage(), "the declared size is reserved");

        user.client().sendBinary(TransferClient.frame(SegmentSource.of(data), uploadId, 0,
                user.client().segmentSize()));

        JsonObject error = user.client().awaitType("error");
        assertEquals("fingerprint_mismatch", error.getString("error"));
        assertEquals(usedBefore, usage(), "the upload was removed with its reservation");
        user.client().sendText(declared);
        assertNotEquals(uploadId, user.client().awaitType("upload-ready").getString("uploadId"),
                "the same declaration starts afresh");
    }

    @Test
    void aClientThatStopsItsHeartbeatIsClosedWithTheDocumentedCode() {
        user.client().stopHeartbeat();

        assertEquals(4408, user.client().awaitCloseCode(WAIT));
        assertEquals("heartbeat_timeout", user.client().closeReason());
    }

    private long usage() {
        return api.get("api/files/usage", user.bearer()).json().getJsonNumber("used").longValue();
    }
}
