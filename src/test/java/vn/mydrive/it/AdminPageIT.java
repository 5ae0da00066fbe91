package vn.mydrive.it;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import vn.mydrive.testkit.Accounts;
import vn.mydrive.testkit.ApiClient;
import vn.mydrive.testkit.Browser;

/**
 * The admin page in a real browser, live: while an admin watches, a user in another browser signs in and
 * uploads a file, and the admin page shows that user connected and the events, without being reloaded.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AdminPageIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.builtWar();
    }

    @ArquillianResource
    URL deployment;

    @Test
    void theAdminSeesAUserConnectAndUploadWithoutReloading() throws IOException {
        String base = ApiClient.loopback(deployment);
        String name = new Accounts(new ApiClient(deployment)).register(Accounts.uniqueName("watched"));
        try (Browser adminBrowser = new Browser(); Browser userBrowser = new Browser()) {
            try {
                adminBrowser.signInTakingOver(base, "admin", Accounts.ADMIN_PASSWORD);
                adminBrowser.visible(By.id("navAdmin")).click();
                adminBrowser.waitForUrl("admin/monitor.xhtml");
                adminBrowser.visible(By.id("server"));
                // Marks this page load: a reload would lose the mark.
                ((org.openqa.selenium.JavascriptExecutor) adminBrowser.driver()).executeScript("window.notReloaded = true;");

                userBrowser.signIn(base, name, Accounts.PASSWORD);
                Path file = Files.writeString(userBrowser.downloads().resolveSibling("watched.txt"), "hello admin");
                userBrowser.visible(By.id("drive:newButton")).click();
                userBrowser.driver().findElement(By.id("fileInput")).sendKeys(file.toString());
                userBrowser.waitForText(By.id("statusBar"), "All transfers finished");

                // The tables are replaced by the page's live updates while they are read: a replaced one is read again.
                WebDriverWait wait = new WebDriverWait(adminBrowser.driver(), Duration.ofSeconds(30));
                wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
                wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("monitor:clients"), name));
                wait.until(d -> d.findElement(By.id("monitor:activity")).getText().contains("uploaded a file"));
                wait.until(d -> d.findElement(By.id("monitor:activity")).getText().contains(name));
                Object mark = ((org.openqa.selenium.JavascriptExecutor) adminBrowser.driver())
                        .executeScript("return window.notReloaded === true;");
                org.junit.jupiter.api.Assertions.assertEquals(Boolean.TRUE, mark, "the admin page was reloaded");
            } catch (AssertionError | RuntimeException e) {
                adminBrowser.saveEvidence("admin-page");
                userBrowser.saveEvidence("admin-page-user");
                throw e;
            }
        }
    }
}
