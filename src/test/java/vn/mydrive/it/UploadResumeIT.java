package vn.mydrive.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.mydrive.it.TransferIT.randomBytes;
import static vn.mydrive.it.TransferIT.sha256;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URL;
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
import vn.mydrive.client.TransferClient.UploadResult;
import vn.mydrive.testkit.ApiClient;

/**
 * Interrupted uploads: resumed from what the server holds after the client drops, never listed while
 * partial, cancelled with their bytes removed, expired when abandoned (20 s in the test configuration).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class UploadResumeIT {

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
    void aDroppedUploadResumesFromTheSegmentsTheServerHolds() {
        DriveUsers user = DriveUsers.signIn(api, "resume");
        byte[] data = randomBytes(6 * user.client().segmentSize() + 99, 11);
        UploadResult partial = user.client().upload(SegmentSource.of(data), "resume.bin",
                UploadOptions.defaults().stoppingAfter(4));
        assertFalse(partial.complete());
        assertEquals(0, listMine(user).getJsonNumber("total").longValue(), "a partial file is never listed");
        user.client().abort();

        try (TransferClient again = TransferClient.connect(api.transferSocket(), user.token())) {
            UploadResult resumed = again.upload(SegmentSource.of(data), "resume.bin", UploadOptions.defaults());

            assertTrue(resumed.complete());
            assertEquals(partial.uploadId(), resumed.uploadId());
            assertEquals(4, resumed.segmentsSkipped());
            assertEquals(3, resumed.segmentsSent());
            assertEquals(sha256(data), resumed.sha256());
            assertArrayEquals(data, again.downloadBytes(resumed.fileId()));
        }
        assertEquals(1, listMine(user).getJsonNumber("total").longValue());
    }

    @Test
    void aDifferentFileWithTheSameNameStartsAFreshUpload() {
        try (DriveUsers user = DriveUsers.signIn(api, "samename")) {
            byte[] first = randomBytes(3 * user.client().segmentSize(), 1);
            byte[] second = randomBytes(3 * user.client().segmentSize(), 2);
            UploadResult partial = user.client().upload(SegmentSource.of(first), "same.bin",
                    UploadOptions.defaults().stoppingAfter(1));

            UploadResult other = user.client().upload(SegmentSource.of(second), "same.bin", UploadOptions.defaults());

            assertNotEquals(partial.uploadId(), other.uploadId());
            assertEquals(0, other.segmentsSkipped());
            assertArrayEquals(second, user.client().downloadBytes(other.fileId()));
        }
    }

    @Test
    void cancellingRemovesWhatWasStored() {
        try (DriveUsers user = DriveUsers.signIn(api, "cancel")) {
            byte[] data = randomBytes(4 * user.client().segmentSize(), 5);
            UploadResult partial = user.client().upload(SegmentSource.of(data), "cancel.bin",
                    UploadOptions.defaults().stoppingAfter(2));

            user.client().sendText(Json.createObjectBuilder().add("type", "cancel")
                    .add("uploadId", partial.uploadId()).build().toString());
            JsonObject cancelled = user.client().awaitType("cancelled");

            assertEquals(partial.uploadId(), cancelled.getString("uploadId"));
            UploadResult fresh = user.client().upload(SegmentSource.of(data), "cancel.bin", UploadOptions.defaults());
            assertNotEquals(partial.uploadId(), fresh.uploadId(), "the cancelled upload cannot be resumed");
            assertEquals(0, fresh.segmentsSkipped());
            assertTrue(fresh.complete());
        }
    }

    @Test
    void anAbandonedUploadExpiresAndItsBytesAreRemoved() throws InterruptedException {
        try (DriveUsers user = DriveUsers.signIn(api, "abandon")) {
            byte[] data = randomBytes(3 * user.client().segmentSize(), 9);
            UploadResult partial = user.client().upload(SegmentSource.of(data), "abandon.bin",
                    UploadOptions.defaults().stoppingAfter(2));
            long reserved = usage(user);
            assertEquals(data.length, reserved, "the whole declared size is reserved");

            // Expiry is 20 s after the last segment and the sweep runs every 3 s in the test configuration; the
            // wait allows far more, so a slow machine only makes it longer.
            long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
            while (usage(user) != 0 && System.nanoTime() < deadline) {
                Thread.sleep(500);
            }
            assertEquals(0, usage(user), "the reservation went with the upload");
            UploadResult fresh = user.client().upload(SegmentSource.of(data), "abandon.bin",
                    UploadOptions.defaults().stoppingAfter(1));
            assertNotEquals(partial.uploadId(), fresh.uploadId());
            assertEquals(0, fresh.segmentsSkipped());
        }
    }

    private JsonObject listMine(DriveUsers user) {
        ApiClient.Reply reply = api.get("api/files?mine=true", user.bearer());
        assertEquals(200, reply.status(), reply::toString);
        return reply.json();
    }

    private long usage(DriveUsers user) {
        ApiClient.Reply reply = api.get("api/files/usage", user.bearer());
        assertEquals(200, reply.status(), reply::toString);
        return reply.json().getJsonNumber("used").longValue();
    }
}
