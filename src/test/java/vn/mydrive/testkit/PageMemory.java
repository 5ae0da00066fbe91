package vn.mydrive.testkit;

import java.util.Map;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * What a page's JavaScript holds, read through the DevTools protocol: after a forced garbage collection, the
 * heap's used size plus the backing stores of its ArrayBuffers (where segments live; they are outside the heap).
 * Collecting first measures what the page keeps, not garbage the engine has not got round to freeing yet.
 */
public final class PageMemory {

    /** The page itself (PrimeFaces, the scripts, the DOM's wrappers): measured at about 4 MiB; generous. */
    public static final long MARGIN = 20L << 20;

    private final ChromeDriver chrome;
    private long peak;
    private int samples;

    public PageMemory(Browser browser) {
        this.chrome = (ChromeDriver) browser.driver();
    }

    /** @return the bytes held now; also kept as the peak if it is the largest so far */
    public long sample() {
        chrome.executeCdpCommand("HeapProfiler.collectGarbage", Map.of());
        Map<String, Object> usage = chrome.executeCdpCommand("Runtime.getHeapUsage", Map.of());
        long held = number(usage.get("usedSize")) + number(usage.get("backingStorageSize"));
        peak = Math.max(peak, held);
        samples++;
        return held;
    }

    /**
     * What a download may hold, whatever the file's size: the server's window of segments (read from the page's
     * transfer connection, once it is open) plus {@link #MARGIN}.
     */
    public static long bound(Browser browser) {
        JavascriptExecutor js = (JavascriptExecutor) browser.driver();
        browser.waitUntil(d -> Boolean.TRUE.equals(js.executeScript(
                "return !!(MyDrive.transfer && MyDrive.transfer.welcome);")));
        @SuppressWarnings("unchecked")
        Map<String, Object> welcome = (Map<String, Object>) js.executeScript("return MyDrive.transfer.welcome;");
        return ((Number) welcome.get("window")).longValue() * ((Number) welcome.get("segmentSize")).longValue()
                + MARGIN;
    }

    public long peak() {
        return peak;
    }

    public int samples() {
        return samples;
    }

    private static long number(Object value) {
        return value instanceof Number n ? n.longValue() : 0;
    }
}
