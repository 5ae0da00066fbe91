package vn.mydrive.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URL;
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
import org.openqa.selenium.chrome.ChromeDriver;
import vn.mydrive.client.SegmentSource;
import vn.mydrive.client.TransferClient;
import vn.mydrive.client.TransferClient.UploadOptions;
import vn.mydrive.testkit.Accounts;
import vn.mydrive.testkit.ApiClient;
import vn.mydrive.testkit.Browser;

/**
 * The pages on phones, emulated in Chromium at 390×844 and 360×640 (touch, device pixels): nothing is wider than the
 * screen, file names are readable, and every action (download, rename, share, delete, language, sign-out, the
 * lookup's fields, the admin page's filters, the error pages' way back) lies inside the screen with a usable size,
 * measured from the elements' boxes. Screenshots of each
 * page at each size are kept under target/it/screens (the ones in docs/ come from here).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PhoneLayoutIT {

    /** Two phones, then {0, 0}: the browser's own 1400×1000 window, a desktop (the same checks, and screenshots). */
    private static final int[][] SIZES = {{390, 844}, {360, 640}, {0, 0}};

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.builtWar();
    }

    @ArquillianResource
    URL deployment;

    @Test
    void everyPageFitsAPhoneAndEveryActionIsWithinReach() throws IOException {
        ApiClient api = new ApiClient(deployment);
        String name = Accounts.uniqueName("phone");
        new Accounts(api).register(name);
        uploadAFileWithALongName(api, name);
        String base = ApiClient.loopback(deployment);
        try (Browser browser = new Browser()) {
            for (int[] phone : SIZES) {
                emulatePhone(browser, phone[0], phone[1]);
                String size = phone[0] == 0 ? "desktop" : phone[0] + "x" + phone[1];
                browser.open(base + "login.xhtml");
                browser.visible(By.id("signIn:username"));
                assertFits(browser, "sign-in " + size, By.id("signIn:username"), By.id("signIn:password"),
                        By.id("signIn:submit"), By.id("topbar:langVi"));
                browser.screenshot("sign-in-" + size);
            }
            browser.type(By.id("signIn:username"), name);
            browser.type(By.id("signIn:password"), Accounts.PASSWORD);
            browser.visible(By.id("signIn:submit")).click();
            browser.waitForUrl("app/drive.xhtml");
            for (int[] phone : SIZES) {
                emulatePhone(browser, phone[0], phone[1]);
                String size = phone[0] == 0 ? "desktop" : phone[0] + "x" + phone[1];
                browser.open(base + "app/drive.xhtml");
                WebElement fileName = browser.visible(By.className("file-name"));
                if (fileName.getSize().getWidth() <= 100) {
                    browser.saveEvidence("drive-" + size + "-name");
                }
                assertTrue(fileName.getSize().getWidth() > 100, "the file name is readable at " + size + ": "
                        + fileName.getText() + " is " + fileName.getSize().getWidth() + " px wide");
                assertFits(browser, "drive " + size, By.className("file-name"), By.className("download-button"),
                        By.className("rename-button"), By.className("share-button"), By.className("delete-button"),
                        By.id("drive:newButton"), By.id("drive:search"), By.id("topbar:signOut"), By.id("topbar:langVi"), By.id("navCovid"));
                assertTouchable(browser, phone, By.className("download-button"), By.className("delete-button"),
                        By.id("topbar:signOut"));
                browser.screenshot("drive-" + size);
                searchFindsTheFileByName(browser);

                browser.open(base + "app/covid.xhtml");
                browser.visible(By.cssSelector("form"));
                assertFits(browser, "lookup " + size, By.cssSelector(".covid-fields input"),
                        By.cssSelector(".covid-fields button"), By.id("topbar:signOut"), By.id("dayCalendar"),
                        By.id("ranking:rankingDay"), By.id("ranking:showDay"), By.id("nationalFigures"),
                        By.cssSelector(".ranking-province"), By.id("dayCsv"));
                browser.screenshot("lookup-" + size);

                // A shared view of a period: its day boxes, their calendars, the chart and its download in reach.
                browser.open(base + "app/covid.xhtml?p=C%C3%A0%20Mau&from=01-10-2021&to=31-10-2021"
                        + "&cmp=Ki%C3%AAn%20Giang");
                browser.waitForText(By.id("chartNotes"), "25-10-2021");
                assertFits(browser, "chart " + size, By.id("lookup:from"), By.id("fromCalendar"), By.id("lookup:to"),
                        By.id("toCalendar"), By.id("lookup:measure"), By.id("lookup:compare"), By.id("lookup:showChart"),
                        By.id("lookup:chart"), By.id("seriesCsv"));
                assertTouchable(browser, phone, By.id("fromCalendar"), By.id("toCalendar"), By.id("lookup:showChart"));
                ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript(
                        "document.getElementById('lookup:chartPanel').scrollIntoView()");
                browser.screenshot("covid-chart-" + size);

                // Error pages come in the site's frame: the top bar, and a way back.
                browser.open(base + "admin/monitor.xhtml");
                assertFits(browser, "not allowed " + size, By.id("back"), By.id("topbar:signOut"), By.id("navCovid"));
                browser.screenshot("not-allowed-" + size);
                browser.open(base + "app/no-such-page.xhtml");
                assertFits(browser, "not found " + size, By.id("back"), By.id("topbar:signOut"));
            }
        }
        try (Browser admin = new Browser()) {
            admin.signInTakingOver(base, "admin", Accounts.ADMIN_PASSWORD);
            // Opened once, then laid out again at each size. Opened anew at each size (the same URL three times in a
            // few seconds) while pushes arrived, one live refresh in about fifteen runs was refused by PrimeFaces as
            // "CSP nonce mismatch" and its error answer blocked by the policy: a console error, nothing else.
            admin.open(base + "admin/monitor.xhtml");
            for (int[] phone : SIZES) {
                emulatePhone(admin, phone[0], phone[1]);
                String size = phone[0] == 0 ? "desktop" : phone[0] + "x" + phone[1];
                admin.visible(By.id("server"));
                assertFits(admin, "admin " + size, By.id("monitor:userFilter"), By.id("monitor:kindFilter"),
                        By.id("monitor:filter"), By.id("monitor:account"), By.id("monitor:disableAccount"),
                        By.id("monitor:enableAccount"), By.id("topbar:signOut"));
                assertTouchable(admin, phone, By.id("monitor:filter"));
                admin.screenshot("admin-" + size);
            }
        }
    }

    /** The name search has a box of its own: phones' card layout hides the columns' filters. */
    private static void searchFindsTheFileByName(Browser browser) {
        browser.type(By.id("drive:search"), "no file has this name");
        browser.waitUntil(d -> d.findElements(By.className("file-name")).isEmpty());
        browser.type(By.id("drive:search"), "bao cao tong ket");
        browser.waitUntil(d -> !d.findElements(By.className("file-name")).isEmpty());
    }

    /** Through the API, signed out again after, so the browser's sign-in is the account's only one. */
    private static void uploadAFileWithALongName(ApiClient api, String name) {
        String token = new Accounts(api).signIn(name);
        try (TransferClient client = TransferClient.connect(api.transferSocket(), token)) {
            client.upload(SegmentSource.of("xin chào".getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                    "Báo cáo tổng kết năm 2021 của phòng kế hoạch.pdf", UploadOptions.defaults());
        }
        api.post("api/auth/logout", null, Accounts.bearer(token));
    }

    static void emulatePhone(Browser browser, int width, int height) {
        ChromeDriver chrome = (ChromeDriver) browser.driver();
        if (width == 0) {
            chrome.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
            chrome.executeCdpCommand("Emulation.setTouchEmulationEnabled", Map.of("enabled", false));
            return;
        }
        chrome.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", height,
                "deviceScaleFactor", 2, "mobile", true));
        chrome.executeCdpCommand("Emulation.setTouchEmulationEnabled", Map.of("enabled", true, "maxTouchPoints", 5));
    }

    /** The page is no wider than the screen, and each element lies inside it, left to right. */
    static void assertFits(Browser browser, String page, By... elements) {
        JavascriptExecutor js = (JavascriptExecutor) browser.driver();
        long viewport = ((Number) js.executeScript("return window.innerWidth;")).longValue();
        long scroll = ((Number) js.executeScript("return document.documentElement.scrollWidth;")).longValue();
        assertTrue(scroll <= viewport, page + ": the page is " + scroll + " px wide on a " + viewport + " px screen");
        for (By by : elements) {
            WebElement element = browser.driver().findElement(by);
            @SuppressWarnings("unchecked")
            Map<String, Object> box = (Map<String, Object>) js.executeScript(
                    "var r = arguments[0].getBoundingClientRect(); return {left: r.left, right: r.right, width: r.width};",
                    element);
            double left = ((Number) box.get("left")).doubleValue();
            double right = ((Number) box.get("right")).doubleValue();
            double width = ((Number) box.get("width")).doubleValue();
            assertTrue(width > 0 && left >= 0 && right <= viewport + 0.5,
                    page + ": " + by + " is at " + left + ".." + right + " on a " + viewport + " px screen");
        }
    }

    /** Tap targets at least 32 px high (a finger's width on these screens), as wide as their label. */
    private static void assertTouchable(Browser browser, int[] phone, By... elements) {
        if (phone[0] == 0) {
            return; // a mouse needs no finger-sized targets
        }
        String size = phone[0] + "x" + phone[1];
        for (By by : elements) {
            WebElement element = browser.driver().findElement(by);
            assertTrue(element.getSize().getHeight() >= 32, by + " is " + element.getSize().getHeight()
                    + " px high at " + size);
        }
    }
}
