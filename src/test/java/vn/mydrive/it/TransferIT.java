package vn.mydrive.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
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
import vn.mydrive.testkit.Accounts;
import vn.mydrive.testkit.ApiClient;

/** Uploads of every awkward size, in and out of order, read back byte for byte over the socket and HTTP. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class TransferIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.builtWar();
    }

    @ArquillianResource
    URL deployment;

    private ApiClient api;
    private String token;
    private TransferClient client;

    @BeforeEach
    void connect() {
        api = new ApiClient(deployment);
        token = new Accounts(api).newSignedInUser("xfer");
        client = TransferClient.connect(api.transferSocket(), token);
    }

    @AfterEach
    void disconnect() {
        client.close();
    }

    @Test
    void theWelcomeAnnouncesTheTransferShape() {
        JsonObject welcome = client.welcome();

        assertEquals("welcome", welcome.getString("type"));
        assertEquals(1, welcome.getInt("protocol"));
        assertEquals(1 << 20, welcome.getInt("segmentSize"));
        assertEquals(20, welcome.getInt("window"));
        assertTrue(welcome.getString("user").startsWith("xfer-"));
    }

    @Test
    void filesOfEveryAwkwardSizeComeBackIdentical() {
        int segment = client.segmentSize();
        for (int size : new int[] {0, 1, segment - 1, segment, segment + 1, 3 * segment + 12345}) {
            byte[] data = randomBytes(size, size);
            UploadResult result = client.upload(SegmentSource.of(data), "size-" + size + ".bin",
                    UploadOptions.defaults().withSha256());

            assertTrue(result.complete(), () -> "size " + size);
            assertEquals(sha256(data), result.sha256(), () -> "size " + size);
            assertArrayEquals(data, client.downloadBytes(result.fileId()), () -> "size " + size);
            var content = api.getBytes("api/files/" + result.fileId() + "/content", Accounts.bearer(token));
            assertEquals(200, content.statusCode());
            assertArrayEquals(data, content.body(), () -> "size " + size + " over HTTP");
        }
    }

    @Test
    void segmentsMayArriveOutOfOrderAndTwice() {
        int segment = client.segmentSize();
        byte[] data = randomBytes(5 * segment + 777, 42);
        List<Integer> order = new ArrayList<>(List.of(0, 1, 2, 3, 4, 5));
        Collections.shuffle(order, new Random(7));
        order.add(order.get(0));
        order.add(3);
        order.add(1, order.get(2));

        UploadResult result = client.upload(SegmentSource.of(data), "shuffled.bin",
                UploadOptions.defaults().withOrder(order));

        assertTrue(result.complete());
        assertEquals(sha256(data), result.sha256());
        assertArrayEquals(data, client.downloadBytes(result.fileId()));
    }

    @Test
    void theUploadedFileIsListedWithItsOwnerAndSize() {
        byte[] data = randomBytes(2 * client.segmentSize() + 5, 3);
        UploadResult result = client.upload(SegmentSource.of(data), "Chung khảo (7).jpg", UploadOptions.defaults());

        ApiClient.Reply file = api.get("api/files/" + result.fileId(), Accounts.bearer(token));

        assertEquals(200, file.status(), file::toString);
        assertEquals("Chung khảo (7).jpg", file.json().getString("name"));
        assertEquals(client.welcome().getString("user"), file.json().getString("owner"));
        assertEquals(data.length, file.json().getJsonNumber("size").longValue());
        assertEquals(sha256(data), file.json().getString("sha256"));
    }

    static byte[] randomBytes(int size, long seed) {
        byte[] data = new byte[size];
        new Random(seed).nextBytes(data);
        return data;
    }

    static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(data));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
