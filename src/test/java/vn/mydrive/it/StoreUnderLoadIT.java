package vn.mydrive.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.client.MongoClient;
import com.mongodb.client.gridfs.GridFSBucket;
import com.mongodb.client.gridfs.GridFSBuckets;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.bson.types.ObjectId;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.mydrive.client.SegmentSource;
import vn.mydrive.client.TransferClient;
import vn.mydrive.client.TransferClient.UploadOptions;
import vn.mydrive.testkit.ApiClient;

/**
 * Another client writing into the embedded store through its port, as a tool pointed at it would, while the app
 * uploads: the store stays open and ready, and everything both wrote reads back whole. (The same for minutes, with
 * the CPUs busy and large files, is bench/store-load.sh.)
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class StoreUnderLoadIT {

    private static final int OUTSIDE_FILES = 12;
    private static final int APP_FILES = 6;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.builtWar();
    }

    @ArquillianResource
    URL deployment;

    @Test
    void writesFromOutsideAndFromTheAppTogetherLeaveTheStoreOpenAndEverythingWhole() throws Exception {
        ApiClient api = new ApiClient(deployment);
        try (MongoClient outsider = EmbeddedStore.connect();
             DriveUsers user = DriveUsers.signIn(api, "load")) {
            GridFSBucket bucket = GridFSBuckets.create(outsider.getDatabase("mydrive"), "outside")
                    .withChunkSizeBytes(1 << 20);
            CompletableFuture<List<ObjectId>> outside = CompletableFuture.supplyAsync(() -> {
                List<ObjectId> ids = new ArrayList<>();
                for (int i = 0; i < OUTSIDE_FILES; i++) {
                    try (InputStream in = new ByteArrayInputStream(TransferIT.randomBytes(3 << 20, 600 + i))) {
                        ids.add(bucket.uploadFromStream("outside-" + i, in));
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }
                return ids;
            });
            List<String> appFiles = new ArrayList<>();
            for (int i = 0; i < APP_FILES; i++) {
                appFiles.add(user.client().upload(SegmentSource.of(TransferIT.randomBytes(4 << 20, 700 + i)),
                        "inside-" + i + ".bin", UploadOptions.defaults()).fileId());
            }
            List<ObjectId> outsideFiles = outside.get(5, TimeUnit.MINUTES);

            assertEquals(200, new ApiClient(new URL(System.getProperty("mydrive.it.health") + "/")).get("ready").status(),
                    "the store stays ready");
            for (int i = 0; i < APP_FILES; i++) {
                assertArrayEquals(TransferIT.randomBytes(4 << 20, 700 + i), user.client().downloadBytes(appFiles.get(i)));
            }
            for (int i = 0; i < OUTSIDE_FILES; i++) {
                ByteArrayOutputStream back = new ByteArrayOutputStream();
                try (InputStream in = bucket.openDownloadStream(outsideFiles.get(i))) {
                    in.transferTo(back);
                }
                assertArrayEquals(TransferIT.randomBytes(3 << 20, 600 + i), back.toByteArray());
                bucket.delete(outsideFiles.get(i));
            }
            assertTrue(api.get("api/files?mine=true", user.bearer()).json().getInt("total") >= APP_FILES);
        }
    }
}
