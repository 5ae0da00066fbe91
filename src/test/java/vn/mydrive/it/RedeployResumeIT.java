package vn.mydrive.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URL;
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

/**
 * An upload interrupted by the app going down resumes after it comes back. The app is deployed here with
 * the embedded store on an H2 file (a configuration jar with a higher ordinal than the test environment),
 * so what it stored survives being undeployed and deployed again.
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
                        // Payara Micro restarts in ~20 s, longer than the test idle timeout.
                        + "mydrive.session.idle-timeout=PT10M\n"), "microprofile-config.properties"));
    }

    @ArquillianResource
    Deployer deployer;

    @Test
    void anUploadResumesAfterTheAppRestarts() throws Exception {
        wipe(DATA);
        ApiClient api = new ApiClient(new URL(System.getProperty("mydrive.it.base", "http://127.0.0.1:8080/mydrive/")));
        deployer.deploy(PERSISTENT);
        try {
            String token = new Accounts(api).newSignedInUser("restart");
            byte[] data = TransferIT.randomBytes(6 * (1 << 20) + 1234, 77);
            UploadResult partial;
            try (TransferClient client = TransferClient.connect(api.transferSocket(), token)) {
                partial = client.upload(SegmentSource.of(data), "restart.bin", UploadOptions.defaults().stoppingAfter(3));
                client.abort();
            }
            assertFalse(partial.complete());

            deployer.undeploy(PERSISTENT);
            deployer.deploy(PERSISTENT);
            awaitUp(api);

            // The signing key, the session and the stored segments all came back with the app.
            try (TransferClient client = TransferClient.connect(api.transferSocket(), token)) {
                UploadResult resumed = client.upload(SegmentSource.of(data), "restart.bin", UploadOptions.defaults());

                assertTrue(resumed.complete());
                assertEquals(partial.uploadId(), resumed.uploadId());
                assertEquals(3, resumed.segmentsSkipped());
                assertEquals(TransferIT.sha256(data), resumed.sha256());
                assertArrayEquals(data, client.downloadBytes(resumed.fileId()));
            }
        } finally {
            deployer.undeploy(PERSISTENT);
        }
    }

    private static void awaitUp(ApiClient api) throws InterruptedException {
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
