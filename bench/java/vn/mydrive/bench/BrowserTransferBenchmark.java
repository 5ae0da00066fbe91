package vn.mydrive.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.WebDriverWait;
import vn.mydrive.testkit.Accounts;
import vn.mydrive.testkit.ApiClient;
import vn.mydrive.testkit.Browser;

/**
 * Headless Chromium, same file, same run, alternating: uploads through the drive page (MyDrive's JavaScript client)
 * against a bare WebSocket to a sink that only counts bytes (the browser's own ceiling here), and downloads through
 * the drive page (segments over the socket, written to disk by its service worker) against the browser's plain
 * HTTP download of the same file's address. For each phase: speed, and CPU per GB of the browser's processes and
 * of the app server. Run by bench/browser.sh, which deploys the sink. System properties: {@code mib} (128),
 * {@code rounds} (3).
 */
public final class BrowserTransferBenchmark {

    private static final String BASE = "http://127.0.0.1:8080/";
    /** How long one transfer may take before the run gives up (system property {@code waitMinutes}). */
    /** How often the downloads folder is looked at for the finished file: its error on the measured time. */
    private static final Duration POLL = Duration.ofMillis(20);
    private static final Duration WAIT = Duration.ofMinutes(Long.getLong("waitMinutes", 10));

    /** One measured phase: MB/s, and CPU seconds per GB of the browser and of the app server. */
    private record Phase(double speed, double browserPerGb, double serverPerGb) {
    }

    public static void main(String[] args) throws Exception {
        int mib = Integer.getInteger("mib", 128);
        int rounds = Integer.getInteger("rounds", 3);
        Path file = BenchFiles.random(Path.of("target/bench"), (long) mib << 20);
        long size = Files.size(file);
        String user = new Accounts(new ApiClient(new java.net.URL(BASE + "mydrive/"))).register(Accounts.uniqueName("browser"));
        System.out.printf("Headless Chromium, %d MiB file, MB = 10^6 bytes; CPU in seconds per GB moved%n", mib);
        System.out.printf("%-5s %-22s %10s %12s %12s%n", "round", "phase", "MB/s", "browser CPU", "server CPU");
        List<Phase[]> results = new ArrayList<>();
        try (Browser browser = new Browser()) {
            browser.open(BASE + "mydrive/login.xhtml");
            browser.type(By.id("signIn:username"), user);
            browser.type(By.id("signIn:password"), Accounts.PASSWORD);
            browser.visible(By.id("signIn:submit")).click();
            browser.waitForUrl("app/drive.xhtml");
            long server = ProcessHandle.allProcesses()
                    .filter(p -> p.info().commandLine().orElse("").contains("jboss-modules.jar"))
                    .mapToLong(ProcessHandle::pid).findFirst().orElse(-1);
            for (int round = 1; round <= rounds; round++) {
                String[] names = {"upload, bare socket", "upload, drive page", "download, plain HTTP",
                    "download, drive page"};
                Steps[] transfers = {bare(browser, file), pageUpload(browser, file), httpDownload(browser, file),
                    pageDownload(browser, file)};
                Phase[] phases = new Phase[transfers.length];
                for (int i = 0; i < transfers.length; i++) {
                    try {
                        phases[i] = measure(server, size, transfers[i]);
                    } catch (RuntimeException e) {
                        browser.saveEvidence("bench-" + names[i].replaceAll("\\W+", "-"));
                        throw new IllegalStateException(names[i] + " did not finish (evidence in target/it)", e);
                    }
                }
                for (int i = 0; i < phases.length; i++) {
                    System.out.printf("%-5d %-22s %10.1f %12.1f %12.1f%n", round, names[i], phases[i].speed(),
                            phases[i].browserPerGb(), phases[i].serverPerGb());
                }
                results.add(phases);
            }
            browser.open(BASE + "mydrive/app/drive.xhtml");
            Object crc = ((JavascriptExecutor) browser.driver()).executeScript(
                    "var data = new Uint8Array(16 << 20); for (var i = 0; i < data.length; i++) { data[i] = i * 31; }"
                    + " MyDrive.crc32c(data); var start = performance.now();"
                    + " for (var r = 0; r < 4; r++) { MyDrive.crc32c(data); }"
                    + " return (4 * data.length / 1e6) / ((performance.now() - start) / 1000);");
            System.out.printf("CRC32C in the page's JavaScript: %.1f MB/s%n", ((Number) crc).doubleValue());
        }
        double[] upSpeed = ratios(results, 1, 0, Phase::speed);
        double[] upCpu = ratios(results, 1, 0, Phase::browserPerGb);
        double[] downSpeed = ratios(results, 3, 2, Phase::speed);
        double[] downCpu = ratios(results, 3, 2, Phase::browserPerGb);
        System.out.printf("median ratios, drive page / reference: upload speed %.2f, upload browser CPU per GB %.2f; "
                + "download speed %.2f, download browser CPU per GB %.2f%n", median(upSpeed), median(upCpu),
                median(downSpeed), median(downCpu));
    }

    /** A phase: what is not measured (opening the page, choosing the dialog), then the transfer itself. */
    private interface Steps {
        void prepare() throws Exception;

        void transfer() throws Exception;
    }

    private static Phase measure(long server, long bytes, Steps steps) throws Exception {
        steps.prepare();
        double browserStart = CpuClock.browserSeconds();
        double serverStart = CpuClock.processSeconds(server);
        long start = System.nanoTime();
        steps.transfer();
        double seconds = (System.nanoTime() - start) / 1e9;
        double gb = bytes / 1e9;
        return new Phase(bytes / 1e6 / seconds, (CpuClock.browserSeconds() - browserStart) / gb,
                (CpuClock.processSeconds(server) - serverStart) / gb);
    }

    private static double[] ratios(List<Phase[]> results, int page, int reference,
                                   java.util.function.ToDoubleFunction<Phase> figure) {
        return results.stream().mapToDouble(r -> figure.applyAsDouble(r[page]) / figure.applyAsDouble(r[reference]))
                .toArray();
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static Steps bare(Browser browser, Path file) {
        return new Steps() {
            public void prepare() {
                browser.open(BASE + "sink/sink.html");
                browser.visible(By.id("file"));
            }

            public void transfer() throws IOException {
                browser.driver().findElement(By.id("file")).sendKeys(file.toString());
                awaitText(browser, "#result", "bytes=");
                String result = browser.driver().findElement(By.id("result")).getText();
                long bytes = Long.parseLong(result.replaceAll(".*bytes=(\\d+).*", "$1"));
                if (bytes != Files.size(file)) {
                    throw new IllegalStateException("the sink counted " + bytes + " bytes");
                }
            }
        };
    }

    /** Each round's upload is a new file for the server (the previous one is deleted first). */
    private static Steps pageUpload(Browser browser, Path file) {
        return new Steps() {
            public void prepare() {
                openDrive(browser);
                ((JavascriptExecutor) browser.driver()).executeAsyncScript(
                        "var done = arguments[arguments.length - 1]; var api = '/mydrive/api/files';"
                        + "fetch(api + '?mine=true&size=200').then(r => r.json()).then(list => Promise.all("
                        + "list.items.map(f => fetch(api + '/' + f.id, {method: 'DELETE'}))))"
                        + ".then(() => fetch('/mydrive/api/trash', {method: 'DELETE'})).then(() => done(), () => done());");
                browser.visible(By.id("drive:newButton")).click();
                browser.visible(By.cssSelector(".drop-zone"));
            }

            public void transfer() {
                browser.driver().findElement(By.id("fileInput")).sendKeys(file.toString());
                awaitText(browser, "#statusBar", "All transfers finished");
            }
        };
    }

    /** The browser's own download of the file's HTTP address (the row's direct link), straight to disk. */
    private static Steps httpDownload(Browser browser, Path file) {
        return new Steps() {
            public void prepare() {
                openDrive(browser);
            }

            public void transfer() throws IOException {
                browser.visible(By.className("direct-link")).click();
                awaitDownload(browser, file);
            }
        };
    }

    /** The drive page's download: segments over the transfer socket, written to disk by its service worker. */
    private static Steps pageDownload(Browser browser, Path file) {
        return new Steps() {
            public void prepare() {
                openDrive(browser);
            }

            public void transfer() throws IOException {
                browser.visible(By.className("download-button")).click();
                awaitDownload(browser, file);
            }
        };
    }

    /**
     * Waits inside the page (one script, woken by the element's changes) until the element shows {@code text}:
     * asking through WebDriver every few milliseconds would cost the browser CPU that this benchmark measures.
     */
    private static void awaitText(Browser browser, String selector, String text) {
        browser.driver().manage().timeouts().scriptTimeout(WAIT);
        ((JavascriptExecutor) browser.driver()).executeAsyncScript(
                "var done = arguments[arguments.length - 1], element = document.querySelector(arguments[0]);"
                + " var wanted = arguments[1], observer = new MutationObserver(check);"
                + " function check() { if (element.textContent.indexOf(wanted) >= 0) { observer.disconnect(); done(); return true; } return false; }"
                + " if (!check()) { observer.observe(element, {childList: true, characterData: true, subtree: true}); }",
                selector, text);
    }

    /** The drive page, its transfer socket connected. */
    private static void openDrive(Browser browser) {
        browser.open(BASE + "mydrive/app/drive.xhtml");
        browser.waitUntil(d -> Boolean.TRUE.equals(((JavascriptExecutor) d)
                .executeScript("return !!(MyDrive.transfer && MyDrive.transfer.welcome);")));
    }

    /** Waits for the whole file in the downloads folder, checks its size, and removes it for the next phase. */
    private static void awaitDownload(Browser browser, Path file) throws IOException {
        long size = Files.size(file);
        Path found = new WebDriverWait(browser.driver(), WAIT).pollingEvery(POLL)
                .until(d -> {
                    try (Stream<Path> files = Files.list(browser.downloads())) {
                        List<Path> all = files.toList();
                        if (all.stream().anyMatch(p -> p.toString().endsWith(".crdownload"))) {
                            return null;
                        }
                        return all.stream().filter(p -> p.toFile().length() == size).findFirst().orElse(null);
                    } catch (IOException e) {
                        return null;
                    }
                });
        Files.delete(found);
    }
}
