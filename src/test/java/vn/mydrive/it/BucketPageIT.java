package vn.mydrive.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.mydrive.it.TransferIT.randomBytes;

import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import vn.mydrive.testkit.Accounts;
import vn.mydrive.testkit.ApiClient;
import vn.mydrive.testkit.Browser;

/**
 * The admin page's section on files other GridFS clients wrote, used in a real browser by the admin: files written
 * straight into the bucket as pymongo writes them are read through with "Check now", the one whose owner field names
 * an account is given to it with "Adopt files", and an owner with no account has their files given to an account
 * from the page. Each time the page shows the result (the counts, the unclaimed owner listed, then gone) and the
 * store holds it; what the admin picked and typed survives the page's own refresh; the section fits a phone.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class BucketPageIT {

    /** A run's result shows at the page's next refresh of the section (every 15 s), or at once. */
    private static final Duration REFRESHED = Duration.ofSeconds(60);

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.builtWar();
    }

    @ArquillianResource
    URL deployment;

    @Test
    void theAdminChecksAdoptsAndGivesAnUnclaimedOwnersFilesFromThePage() {
        ApiClient api = new ApiClient(deployment);
        String heir = new Accounts(api).register(Accounts.uniqueName("heir"));
        String ghost = "ghost-" + UUID.randomUUID().toString().substring(0, 8);
        String base = ApiClient.loopback(deployment);
        try (OtherGridFsClients others = new OtherGridFsClients(); Browser browser = new Browser()) {
            ObjectId letter = others.pymongoPut(randomBytes(300_000, 21), ghost + " letter.pdf", heir);
            ObjectId photo = others.pymongoPut(randomBytes(1_000, 22), ghost + " photo.jpg", ghost);
            ObjectId notes = others.pymongoPut(randomBytes(2_000, 23), ghost + " notes.txt", ghost);
            try {
                browser.signInTakingOver(base, "admin", Accounts.ADMIN_PASSWORD);
                browser.open(base + "admin/monitor.xhtml");

                // Check now: the owner with no account is listed with their two files, and nobody owns anything yet.
                browser.visible(By.id("monitor:bucketCheck")).click();
                browser.waitForText(By.id("monitor:messages"), "Started");
                // Done when nothing is left unchecked and no run is under way (other tests leave no file unchecked).
                refreshed(browser).until(d -> unclaimedRow(d, ghost) != null && count(d, "bucketUnchecked") == 0
                        && text(d, By.id("bucketProgress")).equals("Nothing yet."));
                assertEquals(List.of(ghost, "2", "3000"), unclaimedRow(browser.driver(), ghost));
                for (ObjectId id : List.of(letter, photo, notes)) {
                    Document meta = others.fileDocument(id).get("metadata", Document.class);
                    assertTrue(meta.containsKey("sha256"), meta::toJson);
                    assertFalse(meta.containsKey("ownerKey"), meta::toJson);
                }
                long unowned = count(browser.driver(), "bucketUnowned");
                screenshots(browser);

                // Adopt files: the file whose owner field names the account is the account's; one file fewer unowned.
                browser.visible(By.id("monitor:bucketAdopt")).click();
                refreshed(browser).until(d -> count(d, "bucketUnowned") == unowned - 1
                        && Pattern.compile("\\b1 adopted").matcher(text(d, By.id("bucketLastRun"))).find());
                Document adopted = others.fileDocument(letter).get("metadata", Document.class);
                assertEquals(heir, adopted.getString("owner"));
                assertEquals(heir.toLowerCase(Locale.ROOT), adopted.getString("ownerKey"));

                // Giving the ghost's files to the account: the choice and the name typed outlast the page's refresh.
                browser.choose("monitor:unclaimedOwner", ghost);
                browser.type(By.id("monitor:assignTo"), heir);
                refreshed(browser).until(ExpectedConditions.stalenessOf(
                        browser.driver().findElement(By.id("monitor:assignTo"))));
                assertEquals(ghost, browser.visible(By.id("monitor:unclaimedOwner_label")).getText());
                assertEquals(heir, browser.visible(By.id("monitor:assignTo")).getAttribute("value"));
                browser.visible(By.id("monitor:assign")).click();
                browser.waitForText(By.id("monitor:messages"), "2 file(s) given to " + heir + ".");
                refreshed(browser).until(d -> unclaimedRow(d, ghost) == null && count(d, "bucketUnowned") == unowned - 3);
                for (ObjectId id : List.of(photo, notes)) {
                    Document meta = others.fileDocument(id).get("metadata", Document.class);
                    assertEquals(heir.toLowerCase(Locale.ROOT), meta.getString("ownerKey"), meta::toJson);
                    assertEquals(ghost, others.fileDocument(id).getString("owner"), "the file's own owner field stays");
                }
            } catch (AssertionError | RuntimeException e) {
                browser.saveEvidence("bucket-page");
                throw e;
            }
        }
        // Signed in through the API only now: it takes the admin's session over from the browser.
        String admin = new Accounts(api).signInTakingOver("admin", Accounts.ADMIN_PASSWORD);
        ForeignFilesIT.logged(api, admin, "FILES_ADOPTED", null,
                detail -> List.of(detail.substring(detail.indexOf(": ") + 2).split(", "))
                        .contains(heir.toLowerCase(Locale.ROOT) + " 1"));
        ForeignFilesIT.logged(api, admin, "FILES_ASSIGNED", null,
                ("2 file(s) of owner \"" + ghost + "\" given to " + heir)::equals);
    }

    /** The section at a phone's width (everything within reach) and a desktop's, kept under target/it/screens. */
    private static void screenshots(Browser browser) {
        PhoneLayoutIT.emulatePhone(browser, 390, 844);
        ((JavascriptExecutor) browser.driver()).executeScript(
                "document.getElementById('monitor:bucket').scrollIntoView()");
        PhoneLayoutIT.assertFits(browser, "bucket section 390x844", By.id("monitor:bucketCheck"),
                By.id("monitor:bucketAdopt"), By.id("monitor:unclaimed"), By.id("monitor:unclaimedOwner"),
                By.id("monitor:assignTo"), By.id("monitor:assign"));
        browser.screenshot("admin-bucket-390x844");
        PhoneLayoutIT.emulatePhone(browser, 0, 0);
        ((JavascriptExecutor) browser.driver()).executeScript(
                "document.getElementById('monitor:bucket').scrollIntoView()");
        browser.screenshot("admin-bucket-desktop");
    }

    /** Waits for what the page shows, read again whenever its refresh replaced the section. */
    private static WebDriverWait refreshed(Browser browser) {
        WebDriverWait wait = new WebDriverWait(browser.driver(), REFRESHED);
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }

    /** The cells of the unclaimed owners' row for {@code owner} (owner, files, bytes), or null if it is not listed. */
    private static List<String> unclaimedRow(WebDriver driver, String owner) {
        for (WebElement row : driver.findElements(By.cssSelector("[id='monitor:unclaimed'] tbody tr"))) {
            List<String> cells = row.findElements(By.tagName("td")).stream().map(BucketPageIT::cellValue).toList();
            if (!cells.isEmpty() && owner.equals(cells.get(0))) {
                return cells;
            }
        }
        return null;
    }

    /** A cell's value without the column title the responsive table adds to it for phones. */
    private static String cellValue(WebElement cell) {
        String title = cell.findElements(By.className("ui-column-title")).stream().map(WebElement::getText)
                .findFirst().orElse("");
        return cell.getText().substring(title.length()).strip();
    }

    private static long count(WebDriver driver, String id) {
        return Long.parseLong(text(driver, By.id(id)));
    }

    private static String text(WebDriver driver, By by) {
        return driver.findElement(by).getText().strip();
    }
}
