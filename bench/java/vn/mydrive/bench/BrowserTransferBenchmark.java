package vn.mydrive.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;
import vn.mydrive.testkit.Accounts;
import vn.mydrive.testkit.ApiClient;
import vn.mydrive.testkit.Browser;

/**
 * The same file uploaded by headless Chromium through the drive page (MyDrive's own JavaScript client) and
 * pushed by the same browser through a bare WebSocket to a sink that only counts bytes (the browser's own
 * ceiling here), alternating, in the same run. Run by bench/browser.sh, which deploys the sink.
 * System properties: {@code mib} (128), {@code rounds} (3).
 */
public final class BrowserUploadBenchmark {

    private static final String BASE = "http://127.0.0.1:8080/";

    public static void main(String[] args) throws Exception {
        int mib = Integer.getInteger("mib", 128);
        int rounds = Integer.getInteger("rounds", 3);
        Path file = BenchFiles.random(Path.of("target/bench"), (long) mib << 20);
        String user = new Accounts(new ApiClient(new java.net.URL(BASE + "mydrive/"))).register(Accounts.uniqueName("browser"));
        System.out.printf("Headless Chromium, %d MiB file: the drive page's upload vs a bare WebSocket to a sink; "
                + "MB = 10^6 bytes%n%-6s %16s %16s %8s%n", mib, "round", "bare socket", "drive page", "ratio");
        List<double[]> results = new ArrayList<>();
        try (Browser browser = new Browser()) {
            browser.open(BASE + "mydrive/login.xhtml");
            browser.type(By.id("signIn:username"), user);
            browser.type(By.id("signIn:password"), Accounts.PASSWORD);
            browser.visible(By.id("signIn:submit")).click();
            browser.waitForUrl("app/drive.xhtml");
            long server = ProcessHandle.allProcesses()
                    .filter(p -> p.info().commandLine().orElse("").contains("jboss-modules.jar"))
                    .mapToLong(ProcessHandle::pid).findFirst().orElse(-1);
            List<String> cpu = new ArrayList<>();
            for (int round = 1; round <= rounds; round++) {
                Cpu bareCpu = Cpu.start(server);
                double bare = bare(browser, file);
                cpu.add(bareCpu.stop("bare socket", Files.size(file)));
                Cpu pageCpu = Cpu.start(server);
                double page = page(browser, file);
                cpu.add(pageCpu.stop("drive page", Files.size(file)));
                results.add(new double[] {bare, page});
                System.out.printf("%-6d %11.1f MB/s %11.1f MB/s %8.2f%n", round, bare, page, page / bare);
            }
            cpu.forEach(System.out::println);
            // Where the page's time goes, measured in the same browser: the CRC32C every segment gets in JS.
            browser.open(BASE + "mydrive/app/drive.xhtml");
            Object crc = ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript(
                    "var data = new Uint8Array(16 << 20); for (var i = 0; i < data.length; i++) { data[i] = i * 31; }"
                    + " MyDrive.crc32c(data); var start = performance.now();"
                    + " for (var r = 0; r < 4; r++) { MyDrive.crc32c(data); }"
                    + " return (4 * data.length / 1e6) / ((performance.now() - start) / 1000);");
            System.out.printf("CRC32C in the page's JavaScript: %.1f MB/s%n", ((Number) crc).doubleValue());
        }
        double[] bare = results.stream().mapToDouble(r -> r[0]).sorted().toArray();
        double[] page = results.stream().mapToDouble(r -> r[1]).sorted().toArray();
        System.out.printf("%-6s %11.1f MB/s %11.1f MB/s %8.2f%n", "median", bare[rounds / 2], page[rounds / 2],
                page[rounds / 2] / bare[rounds / 2]);
    }

    /** Where the CPU went during one phase: the machine's busy share, the app server's, the rest (browser). */
    private record Cpu(long server, double serverStart, double[] machineStart) {
        static Cpu start(long server) {
            return new Cpu(server, CpuClock.processSeconds(server), CpuClock.machineSeconds());
        }

        String stop(String label, long bytes) {
            double[] machine = CpuClock.machineSeconds();
            double busy = machine[0] - machineStart[0];
            double all = machine[1] - machineStart[1];
            double serverSeconds = CpuClock.processSeconds(server) - serverStart;
            double gb = bytes / 1e9;
            return String.format("CPU, %-11s: machine %3.0f %% busy; per GB: app server %.1f s, everything else "
                    + "(browser, driver) %.1f s", label, 100 * busy / all, serverSeconds / gb, (busy - serverSeconds) / gb);
        }
    }

    private static double bare(Browser browser, Path file) throws Exception {
        browser.open(BASE + "sink/sink.html");
        browser.driver().findElement(By.id("file")).sendKeys(file.toString());
        String result = new WebDriverWait(browser.driver(), Duration.ofMinutes(10)).until(d -> {
            String text = d.findElement(By.id("result")).getText();
            return text.startsWith("bytes=") ? text : null;
        });
        long bytes = Long.parseLong(result.replaceAll(".*bytes=(\\d+).*", "$1"));
        double seconds = Double.parseDouble(result.replaceAll(".*seconds=([0-9.]+).*", "$1"));
        if (bytes != Files.size(file)) {
            throw new IllegalStateException("the sink counted " + bytes + " bytes");
        }
        return bytes / 1e6 / seconds;
    }

    private static double page(Browser browser, Path file) throws Exception {
        browser.open(BASE + "mydrive/app/drive.xhtml");
        browser.visible(By.id("drive:newButton")).click();
        browser.visible(By.cssSelector(".drop-zone"));
        long start = System.nanoTime();
        browser.driver().findElement(By.id("fileInput")).sendKeys(file.toString());
        new WebDriverWait(browser.driver(), Duration.ofMinutes(10))
                .until(d -> d.findElement(By.id("statusBar")).getText().contains("All transfers finished"));
        double seconds = (System.nanoTime() - start) / 1e9;
        return Files.size(file) / 1e6 / seconds;
    }
}
