package vn.mydrive.bench;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.openqa.selenium.By;
import vn.mydrive.client.SegmentSource;
import vn.mydrive.client.TransferClient;
import vn.mydrive.client.TransferClient.UploadOptions;
import vn.mydrive.testkit.Accounts;
import vn.mydrive.testkit.ApiClient;
import vn.mydrive.testkit.Browser;
import vn.mydrive.testkit.PageMemory;

/**
 * Downloads files of the given sizes through the drive page in headless Chromium, sampling the page's JavaScript
 * memory (after a forced collection) every 200 ms, and checks the download's SHA-256. The bound is the same for
 * every size: the server's window of segments plus a fixed margin (the suite's DownloadMemoryIT uses the same).
 * Exits with 1 if any peak is over it. System property {@code sizes}: MiB, comma-separated.
 */
public final class PageMemoryBenchmark {

    private static final String BASE = "http://127.0.0.1:8080/mydrive/";

    public static void main(String[] args) throws Exception {
        ApiClient api = new ApiClient(new URL(BASE));
        String user = new Accounts(api).register(Accounts.uniqueName("memory"));
        boolean bounded = true;
        System.out.printf("Drive page downloads in headless Chromium; page memory = JS heap used + ArrayBuffer "
                + "backing stores, after a forced GC, sampled every 200 ms%n%-10s %12s %12s %12s %8s %8s%n",
                "file", "before", "peak", "bound", "samples", "MB/s");
        for (String mib : System.getProperty("sizes", "64,2048").split(",")) {
            long size = Long.parseLong(mib.strip()) << 20;
            Path file = BenchFiles.random(Path.of("target/bench"), size);
            String name = "memory-" + mib.strip() + ".bin";
            String token = new Accounts(api).signIn(user);
            try (TransferClient client = TransferClient.connect(api.transferSocket(), token)) {
                client.upload(SegmentSource.of(file), name, UploadOptions.defaults());
            }
            api.post("api/auth/logout", null, Accounts.bearer(token));
            try (Browser browser = new Browser()) {
                browser.signIn(BASE, user, Accounts.PASSWORD);
                long bound = PageMemory.bound(browser);
                PageMemory memory = new PageMemory(browser);
                long before = memory.sample();
                browser.type(By.id("drive:search"), name);
                browser.waitUntil(d -> d.findElements(By.className("file-name")).size() == 1);
                long start = System.nanoTime();
                browser.visible(By.className("download-button")).click();
                Path downloaded = browser.awaitDownload(name, memory::sample);
                double seconds = (System.nanoTime() - start) / 1e9;
                boolean same = sha256(downloaded).equals(sha256(file));
                Files.delete(downloaded);
                System.out.printf("%-10s %9.1f MiB %9.1f MiB %9.1f MiB %8d %8.1f%s%n", mib.strip() + " MiB",
                        before / 1048576.0, memory.peak() / 1048576.0, bound / 1048576.0, memory.samples(),
                        size / 1e6 / seconds, same ? "" : "  BYTES DIFFER");
                bounded &= same && memory.peak() <= bound;
                // Signed out, so the next size's sign-in through the API is the account's only session.
                browser.visible(By.id("topbar:signOut")).click();
                browser.waitForUrl("login.xhtml");
            }
            Files.delete(file);
        }
        System.out.println(bounded ? "PASS: every peak under the same bound, every file byte-identical" : "FAIL");
        System.exit(bounded ? 0 : 1);
    }

    private static String sha256(Path file) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        try (var in = Files.newInputStream(file)) {
            byte[] buffer = new byte[1 << 20];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
