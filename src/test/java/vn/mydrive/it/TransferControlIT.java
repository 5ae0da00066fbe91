package vn.mydrive.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import vn.mydrive.testkit.Accounts;
import vn.mydrive.testkit.ApiClient;
import vn.mydrive.testkit.Browser;

/**
 * Transfers a person controls, in Chromium: pausing holds files back (a small file is sent while a large one
 * added before it waits), an upload left unfinished is listed after a reload and resumed by choosing the same
 * file (only that file is accepted; the finished file keeps the upload's id), a paused download goes on to a
 * byte-identical file when resumed, a cancelled upload is its own outcome, and finished rows can be cleared.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class TransferControlIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.builtWar();
    }

    @ArquillianResource
    URL deployment;

    @Test
    void pauseResumeAfterReloadCancelAndClear() throws IOException {
        try (Browser browser = new Browser()) {
            try {
                control(browser);
            } catch (AssertionError | RuntimeException e) {
                browser.saveEvidence("transfer-control");
                throw e;
            }
        }
    }

    private void control(Browser browser) throws IOException {
        String name = new Accounts(new ApiClient(deployment)).register(Accounts.uniqueName("pause"));
        Path large = Files.write(browser.downloads().resolveSibling("lớn.bin"), TransferIT.randomBytes(9_000_000, 7));
        Path small = Files.write(browser.downloads().resolveSibling("nhỏ.txt"), "Xin chào".getBytes("UTF-8"));
        Path other = Files.write(browser.downloads().resolveSibling("khác.bin"), TransferIT.randomBytes(1000, 8));
        String base = ApiClient.loopback(deployment);
        browser.signIn(base, name, Accounts.PASSWORD);

        // Paused before anything moves: both files wait; the small one, resumed alone, finishes past the large one.
        browser.visible(By.id("pauseAll")).click();
        choose(browser, large);
        choose(browser, small);
        WebElement largeRow = transferRow(browser, "lớn.bin");
        browser.waitUntil(d -> largeRow.getAttribute("class").contains("paused"));
        WebElement smallRow = transferRow(browser, "nhỏ.txt");
        smallRow.findElement(By.className("transfer-pause")).click();
        browser.waitUntil(d -> smallRow.getAttribute("class").contains("done"));
        assertTrue(largeRow.getAttribute("class").contains("paused"), "the large file stayed paused");
        browser.visible(By.xpath("//tr[.//span[contains(@class,'file-name') and text()='nhỏ.txt']]"));
        browser.waitUntil(d -> !unfinished(browser).isEmpty());

        // The large file's upload was announced, so the server holds it: after a reload it is listed.
        List<Map<String, Object>> held = unfinished(browser);
        assertEquals(1, held.size(), held::toString);
        String uploadId = (String) held.get(0).get("uploadId");
        browser.open(base + "app/drive.xhtml");
        WebElement entry = browser.visible(By.cssSelector("#unfinished li[data-upload-id='" + uploadId + "']"));
        assertTrue(entry.getText().contains("lớn.bin"), entry.getText());

        // Resume asks for the same file: another one is refused here, the right one completes the same upload.
        entry.findElement(By.className("unfinished-resume")).click();
        browser.driver().findElement(By.id("resumeInput")).sendKeys(other.toString());
        browser.waitForText(By.id("unfinishedNote"), "lớn.bin");
        entry.findElement(By.className("unfinished-resume")).click();
        browser.driver().findElement(By.id("resumeInput")).sendKeys(large.toString());
        browser.waitUntil(d -> transferRow(browser, "lớn.bin").getAttribute("class").contains("done"));
        browser.waitUntil(d -> unfinished(browser).isEmpty());
        browser.waitForText(By.id("uploadDoneText"), "1");
        browser.visible(By.id("uploadDoneOk")).click();
        WebElement fileRow = browser.visible(By.xpath(
                "//tr[.//span[contains(@class,'file-name') and text()='lớn.bin']]"));
        assertTrue(fileRow.findElement(By.className("direct-link")).getAttribute("href").contains(uploadId),
                "the file is the resumed upload, not a new one");

        // A paused download waits; resumed, it writes the whole file.
        browser.visible(By.id("pauseAll")).click();
        fileRow.findElement(By.className("download-button")).click();
        WebElement downRow = browser.visible(By.cssSelector(".transfer.down"));
        browser.waitUntil(d -> downRow.getAttribute("class").contains("paused"));
        browser.visible(By.id("pauseAll")).click();
        browser.waitUntil(d -> downRow.getAttribute("class").contains("done"));
        assertArrayEquals(Files.readAllBytes(large), Files.readAllBytes(browser.awaitDownload("lớn.bin")));

        // Cancelled is its own outcome; clearing removes every row that is no longer moving.
        browser.visible(By.id("clearFinished")).click();
        browser.waitUntil(d -> d.findElements(By.cssSelector(".transfer")).isEmpty());
        browser.visible(By.id("pauseAll")).click();
        choose(browser, other);
        WebElement otherRow = transferRow(browser, "khác.bin");
        browser.waitUntil(d -> otherRow.getAttribute("class").contains("paused"));
        otherRow.findElement(By.className("transfer-cancel")).click();
        browser.waitUntil(d -> otherRow.getAttribute("class").contains("cancelled"));
        assertTrue(browser.driver().findElement(By.id("statusBar")).getAttribute("class").contains("cancelled"),
                "a cancelled upload is its own outcome, not a success");
        browser.visible(By.id("clearFinished")).click();
        browser.waitUntil(d -> d.findElements(By.cssSelector(".transfer")).isEmpty());
    }

    private static void choose(Browser browser, Path file) {
        browser.visible(By.id("drive:newButton")).click();
        browser.visible(By.cssSelector(".drop-zone"));
        browser.driver().findElement(By.id("fileInput")).sendKeys(file.toString());
        new WebDriverWait(browser.driver(), Duration.ofSeconds(20))
                .until(d -> !d.findElement(By.id("uploadDialog")).isDisplayed());
    }

    private static WebElement transferRow(Browser browser, String name) {
        return browser.visible(By.cssSelector(".transfer.up[data-name='" + name + "']"));
    }

    /** The server's list of the account's unfinished uploads, read with the browser's own sign-in. */
    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> unfinished(Browser browser) {
        return (List<Map<String, Object>>) ((JavascriptExecutor) browser.driver()).executeAsyncScript(
                "var done = arguments[arguments.length - 1];"
                        + "fetch(document.baseURI.split('/app/')[0] + '/api/uploads', {credentials: 'same-origin'})"
                        + ".then(r => r.json()).then(done, () => done([]));");
    }
}
