package vn.mydrive.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.FluentWait;
import org.openqa.selenium.support.ui.WebDriverWait;
import vn.mydrive.client.SegmentSource;
import vn.mydrive.client.TransferClient.UploadOptions;
import vn.mydrive.testkit.Accounts;
import vn.mydrive.testkit.ApiClient;
import vn.mydrive.testkit.Browser;

/**
 * Previews, over HTTP and in Chromium: an image (and its thumbnail, made after upload), a PDF in the browser's
 * viewer, a video that seeks (Range), text shown as text; and hostile files (an HTML page and an SVG with
 * scripts) whose scripts never run, in the dialog or opened at their own address.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PreviewIT {

    private static final String HOSTILE_HTML = "<html><body><script>window.top.pwned = 'html';</script>"
            + "<img src=x onerror=\"window.top.pwned = 'img'\"><h1>Not a page</h1></body></html>";
    private static final String HOSTILE_SVG = "<svg xmlns='http://www.w3.org/2000/svg' width='40' height='40'>"
            + "<script>document.documentElement.setAttribute('data-ran', 'yes'); window.top.pwned = 'svg';</script>"
            + "<rect width='40' height='40' fill='red'/></svg>";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.builtWar();
    }

    @ArquillianResource
    URL deployment;

    @Test
    void eachKindIsShownAndNothingHostileRuns() throws IOException {
        ApiClient api = new ApiClient(deployment);
        Map<String, String> ids;
        String name;
        try (DriveUsers user = DriveUsers.signIn(api, "preview")) {
            name = user.name();
            ids = Map.of(
                    "photo", upload(user, "ảnh chụp.png", picture(1200, 800)),
                    "pdf", upload(user, "hello.pdf", fixture("hello.pdf")),
                    "video", upload(user, "clip.webm", fixture("clip.webm")),
                    "html", upload(user, "trang.html", HOSTILE_HTML.getBytes(StandardCharsets.UTF_8)),
                    "svg", upload(user, "hình.svg", HOSTILE_SVG.getBytes(StandardCharsets.UTF_8)),
                    "data", upload(user, "dữ liệu.bin", new byte[] {1, 2, 3}));
            overHttp(api, user, ids);
            api.post("api/auth/logout", null, user.bearer());
        }
        try (Browser browser = new Browser()) {
            try {
                inTheBrowser(browser, name, ids);
            } catch (AssertionError | RuntimeException e) {
                browser.saveEvidence("preview");
                throw e;
            }
        }
    }

    private void overHttp(ApiClient api, DriveUsers user, Map<String, String> ids) throws IOException {
        // The thumbnail is made on the managed executor after the upload's completion: wait for it.
        HttpResponse<byte[]> thumbnail = awaitThumbnail(api, user, ids.get("photo"));
        assertEquals("image/png", thumbnail.headers().firstValue("Content-Type").orElse(""));
        BufferedImage small = ImageIO.read(new ByteArrayInputStream(thumbnail.body()));
        assertEquals(160, small.getWidth(), "the longest side is 160 px");
        assertEquals(107, small.getHeight(), "the picture's proportions are kept");

        ApiClient.Reply html = api.get("api/files/" + ids.get("html") + "/preview", user.bearer());
        assertEquals(200, html.status());
        assertTrue(html.header("Content-Type").startsWith("text/plain"), "HTML is shown as its text: " + html);
        assertTrue(html.header("Content-Security-Policy").contains("sandbox"), html.toString());
        assertEquals("nosniff", html.header("X-Content-Type-Options"));
        assertTrue(html.header("Content-Disposition").startsWith("inline"), html.toString());

        ApiClient.Reply svg = api.get("api/files/" + ids.get("svg") + "/preview", user.bearer());
        assertEquals("image/svg+xml", svg.header("Content-Type"));
        assertTrue(svg.header("Content-Security-Policy").contains("sandbox"), svg.toString());

        ApiClient.Reply part = api.get("api/files/" + ids.get("video") + "/preview",
                user.bearer()[0], user.bearer()[1], "Range", "bytes=1000-1999");
        assertEquals(206, part.status());
        assertEquals("video/webm", part.header("Content-Type"));

        ApiClient.Reply none = api.get("api/files/" + ids.get("data") + "/preview", user.bearer());
        assertEquals(404, none.status());
        assertEquals("no_preview", none.error());
        assertEquals(404, api.get("api/files/" + ids.get("data") + "/thumbnail", user.bearer()).status());

        // Another person sees none of it (the files are shared, so make one private first).
        api.sendJson("PATCH", "api/files/" + ids.get("photo"), "{\"visibility\":\"private\"}", user.bearer());
        String stranger = new Accounts(api).newSignedInUser("stranger");
        assertEquals(404, api.get("api/files/" + ids.get("photo") + "/preview", Accounts.bearer(stranger)).status());
        assertEquals(404, api.get("api/files/" + ids.get("photo") + "/thumbnail", Accounts.bearer(stranger)).status());
        assertEquals(401, api.get("api/files/" + ids.get("photo") + "/preview").status());
    }

    private void inTheBrowser(Browser browser, String name, Map<String, String> ids) {
        String base = ApiClient.loopback(deployment);
        browser.signIn(base, name, Accounts.PASSWORD);
        JavascriptExecutor js = (JavascriptExecutor) browser.driver();

        // The list shows the photo's thumbnail, loaded.
        browser.waitUntil(d -> Boolean.TRUE.equals(js.executeScript(
                "var i = document.querySelector('img.thumbnail'); return !!i && i.complete && i.naturalWidth === 160;")));
        assertTrue(browser.driver().findElements(By.xpath(row("dữ liệu.bin") + "//button[contains(@class,'preview-button')]"))
                .isEmpty(), "a file of unknown type offers no preview");

        openPreview(browser, "ảnh chụp.png");
        browser.waitUntil(d -> Boolean.TRUE.equals(js.executeScript(
                "var i = document.querySelector('#previewBody img'); return !!i && i.complete && i.naturalWidth === 1200;")));
        browser.screenshot("preview-desktop");
        closePreview(browser);

        openPreview(browser, "clip.webm");
        browser.waitUntil(d -> Boolean.TRUE.equals(js.executeScript(
                "var v = document.querySelector('#previewBody video'); return !!v && v.readyState >= 1 && v.duration > 11;")));
        Object seeked = js.executeScript("var v = document.querySelector('#previewBody video'); window.seekedTo = -1;"
                + "v.addEventListener('seeked', function () { window.seekedTo = v.currentTime; }, {once: true});"
                + "v.currentTime = 9; return v.seekable.length > 0 ? v.seekable.end(0) : 0;");
        assertTrue(((Number) seeked).doubleValue() > 11, "the whole video is seekable (Range): " + seeked);
        browser.waitUntil(d -> ((Number) js.executeScript("return window.seekedTo;")).doubleValue() >= 8.5);
        closePreview(browser);

        openPreview(browser, "hello.pdf");
        browser.waitUntil(d -> pdfFrameLoaded((ChromeDriver) browser.driver()));
        closePreview(browser);

        openPreview(browser, "trang.html");
        browser.waitForText(By.cssSelector("#previewBody pre"), "<script>window.top.pwned");
        closePreview(browser);
        openPreview(browser, "hình.svg");
        browser.waitUntil(d -> Boolean.TRUE.equals(js.executeScript(
                "var i = document.querySelector('#previewBody img'); return !!i && i.complete && i.naturalWidth === 40;")));
        closePreview(browser);
        assertNull(js.executeScript("return window.pwned;"), "a previewed file ran a script on the page");

        // Opened at their own addresses, they are still sandboxed documents where nothing runs.
        browser.open(base + "api/files/" + ids.get("svg") + "/preview");
        assertNull(js.executeScript("return document.documentElement.getAttribute('data-ran');"),
                "the SVG's script ran");
        browser.open(base + "api/files/" + ids.get("html") + "/preview");
        assertEquals("text/plain", js.executeScript("return document.contentType;"));
        assertNotEquals("Not a page", js.executeScript("var h = document.querySelector('h1'); return h && h.textContent;"));
    }

    /** Chromium's PDF viewer took the frame: its frame tree shows a document of type application/pdf. */
    @SuppressWarnings("unchecked")
    private static boolean pdfFrameLoaded(ChromeDriver chrome) {
        Map<String, Object> tree = (Map<String, Object>) chrome.executeCdpCommand("Page.getFrameTree", Map.of())
                .get("frameTree");
        List<Map<String, Object>> children = (List<Map<String, Object>>) tree.getOrDefault("childFrames", List.of());
        return children.stream().map(c -> (Map<String, Object>) c.get("frame"))
                .anyMatch(f -> "application/pdf".equals(f.get("mimeType")) && String.valueOf(f.get("url")).endsWith("/preview"));
    }

    private static String row(String fileName) {
        return "//tr[.//span[contains(@class,'file-name') and text()='" + fileName + "']]";
    }

    private static void openPreview(Browser browser, String fileName) {
        browser.visible(By.xpath(row(fileName) + "//button[contains(@class,'preview-button')]")).click();
        browser.visible(By.id("previewDialog"));
    }

    private static void closePreview(Browser browser) {
        browser.visible(By.cssSelector("#previewDialog .ui-dialog-titlebar-close")).click();
        new WebDriverWait(browser.driver(), Duration.ofSeconds(10))
                .until(d -> !d.findElement(By.id("previewDialog")).isDisplayed());
    }

    private static HttpResponse<byte[]> awaitThumbnail(ApiClient api, DriveUsers user, String id) {
        return new FluentWait<>(api).withTimeout(Duration.ofSeconds(30)).pollingEvery(Duration.ofMillis(200))
                .until(client -> {
                    HttpResponse<byte[]> answer = client.getBytes("api/files/" + id + "/thumbnail", user.bearer());
                    return answer.statusCode() == 200 ? answer : null;
                });
    }

    private static String upload(DriveUsers user, String name, byte[] bytes) {
        return user.client().upload(SegmentSource.of(bytes), name, UploadOptions.defaults()).fileId();
    }

    private static byte[] fixture(String name) throws IOException {
        try (InputStream in = PreviewIT.class.getResourceAsStream("/previews/" + name)) {
            return in.readAllBytes();
        }
    }

    private static byte[] picture(int width, int height) throws IOException {
        BufferedImage picture = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = picture.createGraphics();
        g.setColor(new Color(30, 110, 200));
        g.fillRect(0, 0, width, height);
        g.setColor(Color.ORANGE);
        g.fillOval(width / 4, height / 4, width / 2, height / 2);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(picture, "png", out);
        return out.toByteArray();
    }
}
