package vn.mydrive.it;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.net.URL;
import java.time.Duration;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.support.ui.WebDriverWait;
import vn.mydrive.client.SegmentSource;
import vn.mydrive.client.TransferClient;
import vn.mydrive.client.TransferClient.UploadOptions;
import vn.mydrive.testkit.Accounts;
import vn.mydrive.testkit.ApiClient;
import vn.mydrive.testkit.Browser;

/**
 * A page keeps no identity of its own: a drive page opened by one person, still open in a tab after they signed
 * out and someone else signed in on the same browser, never lists the first person's private files to the second.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PageIdentityIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.builtWar();
    }

    @ArquillianResource
    URL deployment;

    @Test
    void anOldPageOfAnotherPersonShowsNothingOfTheirsToTheNext() {
        String base = ApiClient.loopback(deployment);
        ApiClient api = new ApiClient(deployment);
        Accounts accounts = new Accounts(api);
        String alice = accounts.register(Accounts.uniqueName("alice"));
        String bob = accounts.register(Accounts.uniqueName("bob"));
        String secret = "secret-of-" + alice + ".txt";
        String aliceToken = accounts.signIn(alice);
        try (TransferClient client = TransferClient.connect(api.transferSocket(), aliceToken)) {
            client.upload(SegmentSource.of(TransferIT.randomBytes(100, 9)), secret,
                    UploadOptions.defaults().withVisibility("private"));
        }
        api.post("api/auth/logout", null, Accounts.bearer(aliceToken));

        try (Browser browser = new Browser()) {
            signIn(browser, base, alice);
            browser.waitForText(By.id("drive:files"), secret);
            String alicesTab = browser.driver().getWindowHandle();
            // This tab stays as it is: it does not follow its socket to the sign-in page.
            script(browser, "MyDrive.transfer.closing = true;");

            browser.driver().switchTo().newWindow(WindowType.TAB);
            browser.open(base + "app/drive.xhtml");
            browser.visible(By.id("topbar:signOut")).click();
            browser.visible(By.id("signIn:username"));
            signIn(browser, base, bob);
            browser.waitForUrl("app/drive.xhtml");

            // Back in Alice's old tab, the table is emptied and asked for again, as paging or filtering would.
            browser.driver().switchTo().window(alicesTab);
            script(browser, "document.querySelectorAll('[id=\"drive:files_data\"] tr').forEach(function (r) { r.remove(); });"
                    + "window.refreshFiles();");
            // Done once the page's request queue is empty again (its answer applied or refused), or once the answer
            // replaced the page (the "page expired" one, where PrimeFaces is not loaded).
            new WebDriverWait(browser.driver(), Duration.ofSeconds(20)).until(d -> Boolean.TRUE.equals(
                    ((JavascriptExecutor) d).executeScript("return typeof PrimeFaces === 'undefined' "
                            + "|| PrimeFaces.ajax.Queue.isEmpty();")));

            assertFalse(browser.driver().getPageSource().contains(secret),
                    "the old page listed the previous person's private file to the next one");
        }
    }

    private static void signIn(Browser browser, String base, String name) {
        browser.open(base + "login.xhtml");
        browser.type(By.id("signIn:username"), name);
        browser.type(By.id("signIn:password"), Accounts.PASSWORD);
        browser.visible(By.id("signIn:submit")).click();
        browser.waitForUrl("app/drive.xhtml");
    }

    private static void script(Browser browser, String code) {
        ((JavascriptExecutor) browser.driver()).executeScript(code);
    }
}
