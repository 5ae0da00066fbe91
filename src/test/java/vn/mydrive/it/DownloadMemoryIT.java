package vn.mydrive.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import vn.mydrive.client.SegmentSource;
import vn.mydrive.client.TransferClient.UploadOptions;
import vn.mydrive.testkit.Accounts;
import vn.mydrive.testkit.ApiClient;
import vn.mydrive.testkit.Browser;
import vn.mydrive.testkit.PageMemory;

/**
 * A download through the drive page holds at most its window of segments, not the file: the page's JavaScript
 * memory, sampled through the DevTools protocol during the download, stays under the window plus a fixed margin,
 * which is smaller than the file (so a page that kept the file would fail). bench/page-memory.sh runs the same
 * check with 64 MiB and 2 GiB files against the same bound.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class DownloadMemoryIT {

    private static final int FILE_SIZE = 48 << 20;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.builtWar();
    }

    @ArquillianResource
    URL deployment;

    @Test
    void aDownloadHoldsItsWindowNotTheFile() throws IOException {
        ApiClient api = new ApiClient(deployment);
        byte[] content = TransferIT.randomBytes(FILE_SIZE, 21);
        String name;
        try (DriveUsers user = DriveUsers.signIn(api, "memory")) {
            name = user.name();
            user.client().upload(SegmentSource.of(content), "bộ nhớ.bin", UploadOptions.defaults());
            api.post("api/auth/logout", null, user.bearer());
        }
        try (Browser browser = new Browser()) {
            browser.signIn(ApiClient.loopback(deployment), name, Accounts.PASSWORD);
            long bound = PageMemory.bound(browser);
            assertTrue(bound < FILE_SIZE, "the check can fail: " + bound + " < " + FILE_SIZE);

            PageMemory memory = new PageMemory(browser);
            long before = memory.sample();
            browser.visible(By.className("download-button")).click();
            Path file = browser.awaitDownload("bộ nhớ.bin", memory::sample);
            assertArrayEquals(content, Files.readAllBytes(file));
            System.out.printf("Page memory during a %d MiB download: %.1f MiB before, peak %.1f MiB over %d samples, "
                    + "bound %.1f MiB%n", FILE_SIZE >> 20, before / 1048576.0, memory.peak() / 1048576.0,
                    memory.samples(), bound / 1048576.0);
            assertTrue(memory.samples() > 1, "sampled during the download");
            assertTrue(memory.peak() <= bound, "the page held " + memory.peak() + " bytes; bound " + bound);
        }
    }
}
