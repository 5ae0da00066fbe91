package vn.mydrive.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import vn.mydrive.client.SegmentSource;
import vn.mydrive.client.TransferClient;
import vn.mydrive.client.TransferClient.UploadOptions;
import vn.mydrive.testkit.Accounts;
import vn.mydrive.testkit.ApiClient;
import vn.mydrive.testkit.Browser;

/**
 * The drive page in a real browser: upload two files through the dialog, see them listed, download one through the
 * page's segments and the other through its direct link; delete a file to the trash, restore it, delete another
 * for good.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class DrivePageIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.builtWar();
    }

    @ArquillianResource
    URL deployment;

    private Browser browser;

    @BeforeEach
    void openBrowser() {
        browser = new Browser();
    }

    @AfterEach
    void closeBrowser() {
        browser.close();
    }

    @Test
    void uploadTwoFilesSeeThemListedAndDownloadOne() throws IOException {
        try {
            uploadAndDownload();
        } catch (AssertionError | RuntimeException e) {
            browser.saveEvidence("drive-page");
            throw e;
        }
    }

    private void uploadAndDownload() throws IOException {
        String name = new Accounts(new ApiClient(deployment)).register(Accounts.uniqueName("page"));
        Path big = Files.write(browser.downloads().resolveSibling("ảnh lớn.bin"), TransferIT.randomBytes(5_300_000, 1));
        Path small = Files.write(browser.downloads().resolveSibling("ghi chú.txt"), "Xin chào MyDrive".getBytes("UTF-8"));
        signIn(name);

        browser.visible(By.id("drive:newButton")).click();
        browser.visible(By.cssSelector(".drop-zone"));
        browser.driver().findElement(By.id("fileInput")).sendKeys(big + "\n" + small);

        browser.visible(By.id("uploadDoneText"));
        browser.waitForText(By.id("uploadDoneText"), "2");
        browser.waitForText(By.id("statusBar"), "All transfers finished");
        browser.waitForText(By.id("uploadDoneFiles"), "ghi chú.txt: Done");
        assertEquals(2, browser.driver().findElements(By.cssSelector("#uploadDoneFiles li.outcome-done")).size());
        browser.visible(By.id("uploadDoneOk")).click();

        WebElement bigRow = row("ảnh lớn.bin");
        assertEquals(name, bigRow.findElement(By.className("file-owner")).getText());
        assertEquals("5300000", bigRow.findElement(By.className("file-size")).getAttribute("data-bytes"));
        WebElement smallRow = row("ghi chú.txt");
        assertEquals(Long.toString(Files.size(small)), smallRow.findElement(By.className("file-size")).getAttribute("data-bytes"));

        bigRow.findElement(By.className("download-button")).click();
        Path downloaded = browser.awaitDownload("ảnh lớn.bin");
        assertArrayEquals(Files.readAllBytes(big), Files.readAllBytes(downloaded));
        // Written to disk by the page's segments through its service worker, not handed to the browser's own
        // download of the HTTP address (the fallback says so in the row).
        browser.waitForText(By.cssSelector(".transfer.down.done .transfer-figures"), "Done");
        assertEquals(Boolean.TRUE, ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript(
                "return navigator.serviceWorker.getRegistration(arguments[0]).then(r => !!(r && r.active));",
                ApiClient.loopback(deployment) + "stream/"));

        // The row's direct link is the file's HTTP address: the browser's own download (the sandbox allows it).
        row("ghi chú.txt").findElement(By.className("direct-link")).click();
        assertArrayEquals(Files.readAllBytes(small), Files.readAllBytes(browser.awaitDownload("ghi chú.txt")));
    }

    @Test
    void aDeletedFileGoesToTheTrashAndIsRestoredFromIt() {
        String name = accountWithFiles("trash", java.util.Map.of("hoá đơn.pdf", TransferIT.randomBytes(4000, 9),
                "nháp.txt", TransferIT.randomBytes(6000, 8)));
        try {
            signIn(name);
            String used = browser.visible(By.id("drive:usage")).getText();

            row("hoá đơn.pdf").findElement(By.className("delete-button")).click();
            browser.waitForText(By.id("drive:messages"), "hoá đơn.pdf");
            browser.waitUntil(d -> d.findElements(fileNamed("hoá đơn.pdf")).isEmpty());
            assertEquals(used, browser.driver().findElement(By.id("drive:usage")).getText(),
                    "the trash still counts toward the space used");

            showView("Trash");
            row("hoá đơn.pdf").findElement(By.className("restore-button")).click();
            browser.waitForText(By.id("drive:messages"), "Restored hoá đơn.pdf");
            browser.waitUntil(d -> d.findElements(fileNamed("hoá đơn.pdf")).isEmpty());
            showView("My files");
            row("hoá đơn.pdf");

            row("nháp.txt").findElement(By.className("delete-button")).click();
            browser.waitUntil(d -> d.findElements(fileNamed("nháp.txt")).isEmpty());
            showView("Trash");
            row("nháp.txt").findElement(By.className("delete-forever-button")).click();
            browser.visible(By.cssSelector(".ui-confirmdialog-yes")).click();
            browser.waitForText(By.id("drive:messages"), "Deleted nháp.txt for good");
            browser.waitUntil(d -> !d.findElement(By.cssSelector(".ui-confirm-dialog")).isDisplayed());
            browser.waitForText(By.id("drive:files"), "The trash is empty.");
            browser.waitForText(By.id("drive:usage"), "4 KB /");
            browser.saveEvidence("drive-trash");
        } catch (AssertionError | RuntimeException e) {
            browser.saveEvidence("drive-trash-failed");
            throw e;
        }
    }

    @Test
    void severalFilesAreDownloadedAsOneZipAndTrashedAtOnce() throws IOException {
        byte[] first = TransferIT.randomBytes(1_500_000, 21);
        byte[] second = "Danh sách".getBytes("UTF-8");
        String name = accountWithFiles("many", java.util.Map.of("ảnh 1.jpg", first, "danh sách.txt", second));
        try {
            signIn(name);
            tick("ảnh 1.jpg");
            tick("danh sách.txt");
            browser.waitForText(By.id("drive:selectedCount"), "2");

            browser.visible(By.id("drive:zipSelected")).click();
            Path zip = browser.awaitDownload("MyDrive " + vn.mydrive.platform.time.VietnamTime.today() + ".zip");
            java.util.Map<String, byte[]> entries = new java.util.HashMap<>();
            try (java.util.zip.ZipInputStream in = new java.util.zip.ZipInputStream(Files.newInputStream(zip))) {
                for (var entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                    entries.put(entry.getName(), in.readAllBytes());
                }
            }
            assertEquals(java.util.Set.of("ảnh 1.jpg", "danh sách.txt"), entries.keySet());
            assertArrayEquals(first, entries.get("ảnh 1.jpg"));
            assertArrayEquals(second, entries.get("danh sách.txt"));

            browser.visible(By.id("drive:trashSelected")).click();
            browser.waitForText(By.id("drive:messages"), "Moved 2 file(s) to the trash");
            browser.waitUntil(d -> d.findElements(fileNamed("ảnh 1.jpg")).isEmpty()
                    && d.findElements(fileNamed("danh sách.txt")).isEmpty());
            browser.screenshot("drive-selection-done");
        } catch (AssertionError | RuntimeException e) {
            browser.saveEvidence("drive-many-failed");
            throw e;
        }
    }

    @Test
    void filesAndFoldersTickedTogetherAreZippedMovedTrashedAndTheFolderRestored() throws IOException {
        ApiClient api = new ApiClient(deployment);
        byte[] loose = TransferIT.randomBytes(2_000, 41);
        byte[] inside = TransferIT.randomBytes(3_000, 42);
        byte[] deeper = TransferIT.randomBytes(4_000, 43);
        String name;
        String trip;
        String friend = new Accounts(api).register(Accounts.uniqueName("friend"));
        try (DriveUsers owner = DriveUsers.signIn(api, "ticks")) {
            name = owner.name();
            trip = owner.makeFolder("Đà Lạt", null);
            String day = owner.makeFolder("Ngày 1", trip);
            owner.makeFolder("Đích", null);
            owner.client().upload(SegmentSource.of(loose), "lịch trình.txt", UploadOptions.defaults());
            owner.client().upload(SegmentSource.of(inside), "vé.pdf", UploadOptions.defaults().inFolder(trip));
            owner.client().upload(SegmentSource.of(deeper), "hồ.jpg", UploadOptions.defaults().inFolder(day));
            api.post("api/auth/logout", null, owner.bearer());
        }
        try {
            signIn(name);
            showView("My files");
            folder("Đà Lạt"); // the view has changed: its folders are shown
            tick("lịch trình.txt");
            folder("Đà Lạt").findElement(By.xpath("./ancestor::li"))
                    .findElement(By.cssSelector(".folder-pick .ui-chkbox-box")).click();
            browser.waitForText(By.id("drive:selectedCount"), "2");

            // One zip: the file at its top, the folder as a folder with everything below it.
            browser.visible(By.id("drive:zipSelected")).click();
            Path zip = browser.awaitDownload("MyDrive " + vn.mydrive.platform.time.VietnamTime.today() + ".zip");
            java.util.Map<String, byte[]> entries = ZipDownloadIT.unzip(Files.readAllBytes(zip));
            assertEquals(java.util.Set.of("lịch trình.txt", "Đà Lạt/vé.pdf", "Đà Lạt/Ngày 1/hồ.jpg"),
                    entries.keySet());
            assertArrayEquals(deeper, entries.get("Đà Lạt/Ngày 1/hồ.jpg"));
            browser.screenshot("drive-files-and-folders-ticked-desktop");

            // Shared together with a person: a name that is no account is said once and shares nothing.
            browser.visible(By.id("drive:shareSelectedWith")).click();
            browser.type(By.id("shareManyForm:sharePerson"), "nobody-" + name);
            browser.visible(By.id("shareManyForm:shareMany")).click();
            browser.waitForText(By.id("shareManyForm:shareManyMessages"), "No account");
            browser.type(By.id("shareManyForm:sharePerson"), friend);
            browser.visible(By.cssSelector("#shareManyForm\\:shareCanAdd .ui-chkbox-box")).click();
            browser.visible(By.id("shareManyForm:shareMany")).click();
            browser.waitForText(By.id("drive:messages"), "Shared 2 item(s) with " + friend);
            String friendsToken = new Accounts(api).signIn(friend);
            ApiClient.Reply theirs = api.get("api/folders?sharedWithMe=true", Accounts.bearer(friendsToken));
            assertTrue(theirs.body().contains("\"access\":\"add\""), theirs::toString);
            assertTrue(theirs.body().contains("Đà Lạt"), theirs::toString);
            assertEquals(1, api.get("api/files?sharedWithMe=true", Accounts.bearer(friendsToken)).json()
                    .getInt("total"));
            api.post("api/auth/logout", null, Accounts.bearer(friendsToken));

            // Moved together into another folder.
            folder("Đà Lạt").findElement(By.xpath("./ancestor::li"))
                    .findElement(By.cssSelector(".folder-pick .ui-chkbox-box")).click();
            tick("lịch trình.txt");
            browser.waitForText(By.id("drive:selectedCount"), "2");
            browser.visible(By.id("drive:moveSelected")).click();
            new org.openqa.selenium.support.ui.Select(browser.visible(By.id("moveForm:moveTarget")))
                    .selectByVisibleText("Đích");
            browser.visible(By.id("moveForm:move")).click();
            browser.waitForText(By.id("drive:messages"), "Moved 2 item(s)");
            browser.waitUntil(d -> d.findElements(fileNamed("lịch trình.txt")).isEmpty()
                    && d.findElements(By.xpath("//span[contains(@class,'folder-name') and text()='Đà Lạt']")).isEmpty());
            folder("Đích").click();
            row("lịch trình.txt");
            folder("Đà Lạt");

            // And to the trash together: the folder with its files.
            tick("lịch trình.txt");
            folder("Đà Lạt").findElement(By.xpath("./ancestor::li"))
                    .findElement(By.cssSelector(".folder-pick .ui-chkbox-box")).click();
            browser.waitForText(By.id("drive:selectedCount"), "2");
            browser.visible(By.id("drive:trashSelected")).click();
            browser.waitForText(By.id("drive:messages"), "Moved 3 file(s) to the trash");
            browser.waitUntil(d -> d.findElements(By.className("folder-link")).isEmpty()
                    && d.findElements(fileNamed("lịch trình.txt")).isEmpty());

            // In the trash the folder is one item, restored with what went with it to where it was.
            showView("Trash");
            WebElement gone = browser.visible(By.xpath("//li[contains(@class,'deleted-folder')]"
                    + "[.//span[text()='Đà Lạt']]"));
            browser.waitUntil(d -> gone.getText().contains("2 files, 7 KB"));
            row("lịch trình.txt");
            assertTrue(browser.driver().findElements(fileNamed("vé.pdf")).isEmpty(), "inside the folder's item");
            browser.screenshot("trash-folder-desktop");
            gone.findElement(By.className("restore-folder")).click();
            browser.waitForText(By.id("drive:messages"), "Restored the folder Đà Lạt where it was, with its 2 files");
            browser.waitUntil(d -> d.findElements(By.className("deleted-folder")).isEmpty());
            showView("My files");
            folder("Đích").click();
            folder("Đà Lạt").click();
            row("vé.pdf");
        } catch (AssertionError | RuntimeException e) {
            browser.saveEvidence("drive-ticks-failed");
            throw e;
        }
    }

    @Test
    void foldersAreMadeOpenedUploadedIntoAndFilesMovedOut() throws IOException {
        String name = new Accounts(new ApiClient(deployment)).register(Accounts.uniqueName("tree"));
        Path photo = Files.write(browser.downloads().resolveSibling("pháo hoa.jpg"), TransferIT.randomBytes(40_000, 31));
        try {
            signIn(name);
            showView("My files");
            browser.visible(By.id("drive:newFolder")).click();
            browser.type(By.id("folderForm:folderName"), "Ảnh Tết");
            browser.visible(By.id("folderForm:createFolder")).click();
            folder("Ảnh Tết").click();
            browser.waitUntil(d -> d.findElements(By.cssSelector(".breadcrumbs .crumb")).stream()
                    .anyMatch(c -> c.getText().equals("Ảnh Tết")));

            browser.visible(By.id("drive:newButton")).click();
            browser.visible(By.cssSelector(".drop-zone"));
            browser.driver().findElement(By.id("fileInput")).sendKeys(photo.toString());
            browser.waitForText(By.id("uploadDoneFiles"), "pháo hoa.jpg: Done");
            browser.visible(By.id("uploadDoneOk")).click();
            row("pháo hoa.jpg");

            browser.visible(By.id("drive:crumbTop")).click();
            browser.waitUntil(d -> d.findElements(fileNamed("pháo hoa.jpg")).isEmpty());
            folder("Ảnh Tết").click();
            row("pháo hoa.jpg").findElement(By.className("move-button")).click();
            new org.openqa.selenium.support.ui.Select(browser.visible(By.id("moveForm:moveTarget")))
                    .selectByVisibleText("My files");
            browser.visible(By.id("moveForm:move")).click();
            browser.waitUntil(d -> d.findElements(fileNamed("pháo hoa.jpg")).isEmpty());
            browser.visible(By.id("drive:crumbTop")).click();
            row("pháo hoa.jpg");

            folder("Ảnh Tết").findElement(By.xpath("./ancestor::li")).findElement(By.className("folder-rename")).click();
            browser.type(By.id("folderForm:folderName"), "Ảnh Tết 2026");
            browser.visible(By.id("folderForm:createFolder")).click();
            // Dragged onto the folder: the file leaves the top; a search finds it and says where it is.
            drag(row("pháo hoa.jpg").findElement(By.className("file-name")), folder("Ảnh Tết 2026"));
            browser.waitUntil(d -> d.findElements(fileNamed("pháo hoa.jpg")).isEmpty());
            browser.waitForText(By.className("folder-summary"), "1 file, 40 KB");
            browser.type(By.id("drive:search"), "phao hoa");
            browser.waitForText(By.cssSelector(".file-location"), "Ảnh Tết 2026");
            browser.screenshot("drive-folders-desktop");
            browser.visible(By.id("drive:search")).sendKeys(org.openqa.selenium.Keys.chord(
                    org.openqa.selenium.Keys.CONTROL, "a"), org.openqa.selenium.Keys.BACK_SPACE);
            browser.waitUntil(d -> d.findElements(fileNamed("pháo hoa.jpg")).isEmpty());
            // And dragged from inside the folder onto the breadcrumb of the top.
            folder("Ảnh Tết 2026").click();
            drag(row("pháo hoa.jpg").findElement(By.className("file-name")), browser.visible(By.id("drive:crumbTop")));
            browser.waitUntil(d -> d.findElements(fileNamed("pháo hoa.jpg")).isEmpty());
            browser.visible(By.id("drive:crumbTop")).click();
            row("pháo hoa.jpg");

            folder("Ảnh Tết 2026").findElement(By.xpath("./ancestor::li")).findElement(By.className("folder-delete"))
                    .click();
            browser.visible(By.cssSelector(".ui-confirmdialog-yes")).click();
            browser.waitForText(By.id("drive:messages"), "Deleted the folder Ảnh Tết 2026; it held no files");
            browser.waitUntil(d -> d.findElements(By.className("folder-link")).isEmpty());
        } catch (AssertionError | RuntimeException e) {
            browser.saveEvidence("drive-folders-failed");
            throw e;
        }
    }

    /**
     * Drags one element onto another with the page's own drag-and-drop events (the driver cannot hold a native drag
     * in headless Chromium): what a mouse drag makes the browser send.
     */
    private void drag(WebElement source, WebElement target) {
        ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript(
                "var data = new DataTransfer();"
                + "var fire = (el, type) => el.dispatchEvent(new DragEvent(type, {bubbles: true, cancelable: true,"
                + " dataTransfer: data}));"
                + "fire(arguments[0], 'dragstart'); fire(arguments[1], 'dragover'); fire(arguments[1], 'drop');",
                source, target);
    }

    private org.openqa.selenium.WebElement folder(String folderName) {
        return browser.visible(By.xpath("//a[contains(@class,'folder-link')][.//span[text()='" + folderName + "']]"));
    }

    /** Ticks the row's checkbox. */
    private void tick(String fileName) {
        row(fileName).findElement(By.cssSelector(".select-column .ui-chkbox-box")).click();
    }

    @Test
    void aFileSharedWithAPersonAndByALinkThatOpensWithoutAnAccount() throws IOException {
        byte[] bytes = TransferIT.randomBytes(7000, 21);
        String friend = accountWithFiles("friend", java.util.Map.of());
        String owner = accountWithFiles("sharer", java.util.Map.of("kế hoạch.txt", bytes));
        try (Browser friendsBrowser = new Browser(); Browser stranger = new Browser()) {
            signIn(owner);
            row("kế hoạch.txt").findElement(By.className("share-button")).click();
            browser.type(By.id("shareForm:person"), friend);
            browser.visible(By.id("shareForm:addPerson")).click();
            browser.waitForText(By.id("shareForm:shareMessages"), "Shared with " + friend);
            browser.waitForText(By.id("people"), friend.toLowerCase(java.util.Locale.ROOT));

            browser.type(By.id("shareForm:linkPassword"), "mat-khau-7");
            browser.visible(By.id("shareForm:createLink")).click();
            browser.waitForText(By.id("shareForm:shareMessages"), "Link created");
            String link = browser.visible(By.cssSelector("#links .link-url")).getAttribute("value");
            assertTrue(link.startsWith(ApiClient.loopback(deployment)) && link.contains("link.xhtml?t="), link);
            browser.waitForText(By.id("links"), "0 download(s)");
            // Uploaded shared with everyone (the default); now only the friend and the link's holders see it.
            browser.visible(By.cssSelector("[id='shareForm:everyone'] .ui-chkbox-box")).click();
            browser.waitUntil(d -> !d.findElement(By.cssSelector("[id='shareForm:everyone'] input"))
                    .isSelected());
            browser.screenshot("share-dialog-desktop");
            browser.visible(By.cssSelector("#shareDialog .ui-dialog-titlebar-close")).click();
            browser.waitForText(By.id("drive:files"), "1 person");

            // The friend finds it under "Shared with me" and downloads it; they cannot share it on.
            friendsBrowser.signIn(ApiClient.loopback(deployment), friend, Accounts.PASSWORD);
            friendsBrowser.visible(By.xpath("//*[@id='drive:view']//*[contains(@class,'ui-button')]"
                    + "[normalize-space(.)='Shared with me']")).click();
            friendsBrowser.waitForText(By.id("drive:files"), "1-1 / 1"); // the list of all files is replaced
            WebElement shared = friendsBrowser.visible(By.xpath(
                    "//tr[.//span[contains(@class,'file-name') and text()='kế hoạch.txt']]"));
            assertEquals(owner, shared.findElement(By.className("file-owner")).getText());
            assertTrue(shared.findElements(By.className("share-button")).isEmpty(), "only the owner shares");
            shared.findElement(By.className("download-button")).click();
            assertArrayEquals(bytes, Files.readAllBytes(friendsBrowser.awaitDownload("kế hoạch.txt")));

            // Someone without an account opens the link, types its password and downloads the file.
            stranger.open(link);
            stranger.type(By.id("unlock:password"), "nhầm");
            stranger.visible(By.id("unlock:open")).click();
            stranger.waitForText(By.id("messages"), "not the link's password");
            stranger.type(By.id("unlock:password"), "mat-khau-7");
            stranger.visible(By.id("unlock:open")).click();
            stranger.waitForText(By.id("linkedName"), "kế hoạch.txt");
            stranger.screenshot("public-link-desktop");
            stranger.visible(By.id("download")).click();
            assertArrayEquals(bytes, Files.readAllBytes(stranger.awaitDownload("kế hoạch.txt")));
            assertTrue(stranger.policyViolations().isEmpty(), () -> String.join("\n", stranger.policyViolations()));
        } catch (AssertionError | RuntimeException e) {
            browser.saveEvidence("drive-share-failed");
            throw e;
        }
    }

    @Test
    void aFolderSharedWithAPersonWhoAddsToItAndByALink() throws IOException {
        byte[] plan = TransferIT.randomBytes(9000, 51);
        String friend = accountWithFiles("helper", java.util.Map.of());
        String owner = new Accounts(new ApiClient(deployment)).register(Accounts.uniqueName("team"));
        Path added = Files.write(browser.downloads().resolveSibling("góp ý.txt"), TransferIT.randomBytes(3000, 52));
        try (Browser friendsBrowser = new Browser(); Browser stranger = new Browser()) {
            signIn(owner);
            showView("My files");
            browser.visible(By.id("drive:newFolder")).click();
            browser.type(By.id("folderForm:folderName"), "Nhóm");
            browser.visible(By.id("folderForm:createFolder")).click();
            folder("Nhóm").click();
            browser.waitUntil(d -> d.findElements(By.cssSelector(".breadcrumbs .crumb")).stream()
                    .anyMatch(c -> c.getText().equals("Nhóm")));
            Path planFile = Files.write(browser.downloads().resolveSibling("bản vẽ.pdf"), plan);
            browser.visible(By.id("drive:newButton")).click();
            browser.visible(By.cssSelector(".drop-zone"));
            browser.driver().findElement(By.id("fileInput")).sendKeys(planFile.toString());
            browser.waitForText(By.id("uploadDoneFiles"), "bản vẽ.pdf: Done");
            browser.visible(By.id("uploadDoneOk")).click();
            browser.visible(By.id("drive:crumbTop")).click();

            // The owner shares the folder with a friend who may add files, and makes a link to it.
            browser.visible(By.xpath("//li[contains(@class,'folder')][.//span[text()='Nhóm']]"
                    + "//button[contains(@class,'folder-share')]")).click();
            browser.type(By.id("shareForm:person"), friend);
            browser.visible(By.cssSelector("[id='shareForm:canAdd'] .ui-chkbox-box")).click();
            browser.visible(By.id("shareForm:addPerson")).click();
            browser.waitForText(By.id("people"), "may add files");
            browser.visible(By.id("shareForm:createLink")).click();
            browser.waitForText(By.id("shareForm:shareMessages"), "Link created");
            String link = browser.visible(By.cssSelector("#links .link-url")).getAttribute("value");
            browser.screenshot("share-folder-desktop");
            browser.visible(By.cssSelector("#shareDialog .ui-dialog-titlebar-close")).click();

            // The friend finds it under "Shared with me", opens it, and adds a file to it.
            friendsBrowser.signIn(ApiClient.loopback(deployment), friend, Accounts.PASSWORD);
            friendsBrowser.visible(By.xpath("//*[@id='drive:view']//*[contains(@class,'ui-button')]"
                    + "[normalize-space(.)='Shared with me']")).click();
            // Nothing is added at the top of "Shared with me": New is off there, and on inside the folder.
            friendsBrowser.waitUntil(d -> !d.findElement(By.id("drive:newButton")).isEnabled());
            friendsBrowser.visible(By.xpath("//a[contains(@class,'folder-link')][.//span[text()='Nhóm']]")).click();
            friendsBrowser.visible(By.xpath("//tr[.//span[contains(@class,'file-name') and text()='bản vẽ.pdf']]"));
            friendsBrowser.waitUntil(d -> d.findElements(By.cssSelector(".breadcrumbs .crumb")).stream()
                    .anyMatch(c -> c.getText().equals("Nhóm")));
            friendsBrowser.waitUntil(d -> d.findElement(By.id("drive:newButton")).isEnabled());
            friendsBrowser.visible(By.id("drive:newButton")).click();
            friendsBrowser.visible(By.cssSelector(".drop-zone"));
            friendsBrowser.driver().findElement(By.id("fileInput")).sendKeys(added.toString());
            friendsBrowser.waitForText(By.id("uploadDoneFiles"), "góp ý.txt: Done");
            friendsBrowser.visible(By.id("uploadDoneOk")).click();
            friendsBrowser.visible(By.xpath("//tr[.//span[contains(@class,'file-name') and text()='góp ý.txt']]"));
            friendsBrowser.screenshot("shared-folder-desktop");

            // Someone without an account opens the link: both files, each downloadable, and nothing else.
            stranger.open(link);
            stranger.waitForText(By.id("linkedName"), "Nhóm");
            stranger.waitForText(By.id("linkedFiles"), "góp ý.txt");
            stranger.screenshot("public-folder-link-desktop");
            stranger.visible(By.xpath("//li[.//span[text()='bản vẽ.pdf']]//a[contains(@class,'linked-download')]"))
                    .click();
            assertArrayEquals(plan, Files.readAllBytes(stranger.awaitDownload("bản vẽ.pdf")));
            assertTrue(stranger.policyViolations().isEmpty(), () -> String.join("\n", stranger.policyViolations()));
        } catch (AssertionError | RuntimeException e) {
            browser.saveEvidence("drive-share-folder-failed");
            throw e;
        }
    }

    @Test
    void aWholeFolderIsUploadedKeepingItsTree() throws IOException {
        String name = new Accounts(new ApiClient(deployment)).register(Accounts.uniqueName("folderup"));
        Path trip = Files.createDirectories(browser.downloads().resolveSibling("Chuyến đi"));
        Files.createDirectories(trip.resolve("ảnh").resolve("2021"));
        Files.createDirectories(trip.resolve("trống"));
        Files.write(trip.resolve("lịch trình.txt"), TransferIT.randomBytes(1200, 41));
        Files.write(trip.resolve("ảnh").resolve("biển.jpg"), TransferIT.randomBytes(30_000, 42));
        Files.write(trip.resolve("ảnh").resolve("2021").resolve("núi.jpg"), TransferIT.randomBytes(20_000, 43));
        try {
            signIn(name);
            showView("My files");
            browser.visible(By.id("drive:newButton")).click();
            browser.visible(By.cssSelector(".drop-zone"));
            browser.driver().findElement(By.id("folderInput")).sendKeys(trip.toString());
            browser.waitForText(By.id("uploadDoneText"), "3");
            browser.waitForText(By.id("uploadDoneFiles"), "núi.jpg: Done");
            browser.visible(By.id("uploadDoneOk")).click();

            folder("Chuyến đi").click();
            row("lịch trình.txt");
            folder("ảnh").click();
            row("biển.jpg");
            folder("2021").click();
            row("núi.jpg");
            browser.visible(By.id("drive:crumbTop")).click();
            browser.waitForText(By.className("folder-summary"), "3 files");

            // Folders move by dragging too: "ảnh" out onto the top, then "Chuyến đi" into "ảnh".
            folder("Chuyến đi").click();
            drag(folder("ảnh"), browser.visible(By.id("drive:crumbTop")));
            browser.waitUntil(d -> d.findElements(By.xpath(
                    "//a[contains(@class,'folder-link')][.//span[text()='ảnh']]")).isEmpty());
            browser.visible(By.id("drive:crumbTop")).click();
            drag(folder("Chuyến đi"), folder("ảnh"));
            browser.waitUntil(d -> d.findElements(By.xpath(
                    "//a[contains(@class,'folder-link')][.//span[text()='Chuyến đi']]")).isEmpty());
            folder("ảnh").click();
            folder("2021");
            folder("Chuyến đi");
        } catch (AssertionError | RuntimeException e) {
            browser.saveEvidence("drive-folder-upload-failed");
            throw e;
        }
    }

    /** A new account with these files uploaded over the API, then signed out: the browser's is its only session. */
    private String accountWithFiles(String prefix, java.util.Map<String, byte[]> files) {
        ApiClient api = new ApiClient(deployment);
        String name = new Accounts(api).register(Accounts.uniqueName(prefix));
        String token = new Accounts(api).signIn(name);
        try (TransferClient client = TransferClient.connect(api.transferSocket(), token)) {
            files.forEach((file, bytes) -> client.upload(SegmentSource.of(bytes), file, UploadOptions.defaults()));
        }
        api.post("api/auth/logout", null, Accounts.bearer(token));
        return name;
    }

    /** Clicks one of the toolbar's views: All files, My files, Trash. */
    private void showView(String label) {
        browser.visible(By.xpath("//*[@id='drive:view']//*[contains(@class,'ui-button')][normalize-space(.)='"
                + label + "']")).click();
    }

    private static By fileNamed(String fileName) {
        return By.xpath("//span[contains(@class,'file-name') and text()='" + fileName + "']");
    }

    private void signIn(String name) {
        browser.signIn(ApiClient.loopback(deployment), name, Accounts.PASSWORD);
    }

    private WebElement row(String fileName) {
        return browser.visible(By.xpath("//tr[.//span[contains(@class,'file-name') and text()='" + fileName + "']]"));
    }
}
