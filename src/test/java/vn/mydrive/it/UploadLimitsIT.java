package vn.mydrive.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URL;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.mydrive.testkit.ApiClient;

/**
 * Limits are enforced when an upload is declared, before any byte is stored. The test server allows files
 * up to 50 MiB, 120 MiB per account and 5 unfinished uploads.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class UploadLimitsIT {

    private static final long MIB = 1 << 20;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.builtWar();
    }

    @ArquillianResource
    URL deployment;

    @Test
    void aFileAboveTheMaximumSizeIsRefusedUpFront() {
        try (DriveUsers user = DriveUsers.signIn(new ApiClient(deployment), "big")) {
            JsonObject refused = declare(user, "huge.iso", 50 * MIB + 1);

            assertEquals("file_too_large", refused.getString("error"));
            assertFalse(refused.getBoolean("retry"));
        }
    }

    @Test
    void theQuotaCountsFilesAndUnfinishedUploads() {
        try (DriveUsers user = DriveUsers.signIn(new ApiClient(deployment), "quota")) {
            JsonObject first = declare(user, "a.bin", 45 * MIB);
            JsonObject second = declare(user, "b.bin", 45 * MIB);
            JsonObject third = declare(user, "c.bin", 45 * MIB);

            assertEquals("upload-ready", first.getString("type"));
            assertEquals("upload-ready", second.getString("type"));
            assertEquals("quota_exceeded", third.getString("error"));

            user.client().sendText(Json.createObjectBuilder().add("type", "cancel")
                    .add("uploadId", second.getString("uploadId")).build().toString());
            user.client().awaitType("cancelled");
            assertEquals("upload-ready", declare(user, "c.bin", 45 * MIB).getString("type"));
        }
    }

    @Test
    void anAccountCannotHoardUnfinishedUploads() {
        try (DriveUsers user = DriveUsers.signIn(new ApiClient(deployment), "hoard")) {
            for (int i = 0; i < 5; i++) {
                assertEquals("upload-ready", declare(user, "part" + i + ".bin", 1000).getString("type"));
            }

            assertEquals("too_many_uploads", declare(user, "one-more.bin", 1000).getString("error"));
        }
    }

    @Test
    void badDeclarationsAreRefusedWithTheirReason() {
        try (DriveUsers user = DriveUsers.signIn(new ApiClient(deployment), "declare")) {
            assertEquals("invalid_name", declare(user, "../../../etc/passwd", 10).getString("error"));
            assertEquals("invalid_name", declare(user, "", 10).getString("error"));
            assertEquals("invalid_upload", declare(user, "neg.bin", -1).getString("error"));
            assertEquals("invalid_upload", send(user, "{\"type\":\"upload\",\"ref\":\"x\",\"name\":\"f\",\"size\":5,"
                    + "\"fingerprint\":\"zz\"}").getString("error"));
            assertEquals("invalid_upload", send(user, "{\"type\":\"upload\",\"ref\":\"x\",\"name\":\"f\",\"size\":5,"
                    + "\"fingerprint\":\"00000000\",\"visibility\":\"everyone\"}").getString("error"));
            assertEquals("malformed_message", send(user, "{\"type\":\"upload\",\"ref\":\"x\",\"name\":\"f\","
                    + "\"size\":\"five\"}").getString("error"));
            assertEquals("malformed_message", send(user, "{\"type\":\"upload\",\"ref\":\"x\",\"name\":\"f\","
                    + "\"size\":1e300}").getString("error"));
        }
    }

    private static JsonObject declare(DriveUsers user, String name, long size) {
        return send(user, Json.createObjectBuilder().add("type", "upload").add("ref", "r-" + name).add("name", name)
                .add("size", size).add("lastModified", 1).add("fingerprint", "00000000").build().toString());
    }

    private static JsonObject send(DriveUsers user, String message) {
        String ref = Json.createReader(new java.io.StringReader(message)).readObject().getString("ref", null);
        user.client().sendText(message);
        return user.client().await(m -> ref == null || ref.equals(m.getString("ref", null))
                || "malformed_message".equals(m.getString("error", "")), java.time.Duration.ofSeconds(30));
    }
}
