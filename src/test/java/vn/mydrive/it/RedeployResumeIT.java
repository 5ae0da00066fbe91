package vn.mydrive.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.URL;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.mydrive.client.SegmentSource;
import vn.mydrive.client.TransferClient;
import vn.mydrive.client.TransferClient.UploadOptions;
import vn.mydrive.client.TransferClient.UploadResult;
import vn.mydrive.testkit.Accounts;
import vn.mydrive.testkit.ApiClient;

/**
 * An upload interrupted by the app going down mid-upload resumes after it comes back, and every segment the app
 * acknowledged before going down is found stored. The app is deployed here with the embedded store on an H2 file
 * (a configuration jar with a higher ordinal than the test environment), so what it stored survives being
 * undeployed and deployed again. (A {@code kill -9} in the middle of the same is bench/crash.sh.)
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RedeployResumeIT {

    private static final String PERSISTENT = "persistent";
    private static final Path DATA = Path.of(System.getProperty("mydrive.it.dir", "target/it"), "persistent-data");

    @Deployment(name = PERSISTENT, managed = false, testable = false)
    static WebArchive persistentApp() {
        return Deployments.builtWar().addAsLibrary(ShrinkWrap.create(JavaArchive.class, "it-persistent-store.jar")
                .addAsManifestResource(new StringAsset("config_ordinal=500\n"
                        + "mydrive.store.embedded.backend=h2\n"
                        + "mydrive.data.dir=" + DATA.toAbsolutePath().toString().replace('\\', '/') + "\n"
                        + "mydrive.drive.upload-expiry=PT10M\n"
                        // A redeploy can outlast the test configuration's idle timeout.
                        + "mydrive.session.idle-timeout=PT10M\n"), "microprofile-config.properties"));
    }

    @ArquillianResource
    Deployer deployer;

    @Test
    void everySegmentAcknowledgedBeforeARestartMidUploadIsStillThere() throws Exception {
        wipe(DATA);
        ApiClient api = new ApiClient(new URL(System.getProperty("mydrive.it.base", "http://127.0.0.1:8080/mydrive/")));
        deployer.deploy(PERSISTENT);
        try {
            String token = new Accounts(api).newSignedInUser("restart");
            byte[] data = TransferIT.randomBytes(24 * (1 << 20) + 1234, 77);
            Set<Integer> acknowledged = ConcurrentHashMap.newKeySet();
            Set<String> uploadIds = ConcurrentHashMap.newKeySet();
            TransferClient interrupted = TransferClient.connect(api.transferSocket(), token);
            interrupted.onAcknowledged((uploadId, index) -> {
                uploadIds.add(uploadId);
                acknowledged.add(index);
            });
            CompletableFuture<UploadResult> upload = CompletableFuture.supplyAsync(
                    () -> interrupted.upload(SegmentSource.of(data), "restart.bin", UploadOptions.defaults()));
            while (acknowledged.size() < 3 && !upload.isDone()) {
                Thread.sleep(1);
            }

            // The app goes down while segments are still on their way.
            deployer.undeploy(PERSISTENT);
            interrupted.abort();
            Set<Integer> acknowledgedBeforeTheRestart = Set.copyOf(acknowledged);
            boolean finishedBeforeTheRestart = upload.handle((result, error) -> error == null && result.complete()).join();
            deployer.deploy(PERSISTENT);
            awaitUp(api);

            // The signing key, the session and every acknowledged segment came back with the app.
            try (TransferClient client = TransferClient.connect(api.transferSocket(), token)) {
                String ref = "resume-check";
                client.sendText(Json.createObjectBuilder().add("type", "upload").add("ref", ref)
                        .add("name", "restart.bin").add("size", data.length)
                        .add("lastModified", UploadOptions.defaults().lastModified())
                        .add("fingerprint", TransferClient.fingerprint(SegmentSource.of(data), client.segmentSize()))
                        .build().toString());
                JsonObject answer = client.await(m -> ref.equals(m.getString("ref", null)), Duration.ofSeconds(60));
                if (!finishedBeforeTheRestart && "upload-ready".equals(answer.getString("type"))) {
                    Set<Integer> found = new HashSet<>();
                    for (JsonArray range : answer.getJsonArray("have").getValuesAs(JsonArray.class)) {
                        for (int i = range.getInt(0); i <= range.getInt(1); i++) {
                            found.add(i);
                        }
                    }
                    assertTrue(found.containsAll(acknowledgedBeforeTheRestart),
                            () -> "acknowledged " + acknowledgedBeforeTheRestart + ", found " + found);
                    assertEquals(uploadIds, Set.of(answer.getString("uploadId")));
                } else {
                    assertEquals("complete", answer.getString("type"), answer::toString);
                }
                UploadResult resumed = client.upload(SegmentSource.of(data), "restart.bin", UploadOptions.defaults());

                assertTrue(resumed.complete());
                assertEquals(TransferIT.sha256(data), resumed.sha256());
                assertArrayEquals(data, client.downloadBytes(resumed.fileId()));
            }
        } finally {
            deployer.undeploy(PERSISTENT);
        }
    }

    /** Waits until the app answers its sign-in page again after a deploy. */
    static void awaitUp(ApiClient api) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (api.get("login.xhtml").status() == 200) {
                    return;
                }
            } catch (RuntimeException notYet) {
                // Still starting.
            }
            Thread.sleep(250);
        }
        throw new AssertionError("The app did not come back");
    }

    private static void wipe(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }
}
