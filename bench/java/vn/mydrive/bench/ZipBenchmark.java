package vn.mydrive.bench;

import java.io.InputStream;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import vn.mydrive.client.SegmentSource;
import vn.mydrive.client.TransferClient;
import vn.mydrive.client.TransferClient.UploadOptions;
import vn.mydrive.client.TransferClient.UploadResult;
import vn.mydrive.testkit.Accounts;
import vn.mydrive.testkit.ApiClient;

/**
 * One zip of several large files ({@code GET /api/files/archive}), past 4 GiB so that it needs ZIP64, read back as
 * it streams with {@code java.util.zip}: every entry's SHA-256 is compared with the one the server stored, and the
 * server's heap is sampled meanwhile (its peak must not grow with the zip). Run by bench/zip.sh, which starts the
 * server. Exits 1 if an entry differs or is missing.
 *
 * <p>System properties: {@code mydrive.url}, {@code files} (how many), {@code size} (MiB each), {@code server.pid},
 * {@code work.dir}.
 */
public final class ZipBenchmark {

    private static final double MB = 1_000_000.0;

    public static void main(String[] args) throws Exception {
        URL app = new URL(System.getProperty("mydrive.url", "http://127.0.0.1:8080/mydrive/"));
        int count = Integer.getInteger("files", 3);
        long size = Long.getLong("size", 1800) << 20;
        Path work = Files.createDirectories(Path.of(System.getProperty("work.dir", "target/bench")));
        long pid = Long.getLong("server.pid", -1);

        ApiClient api = new ApiClient(app);
        String token = new Accounts(api).newSignedInUser("zip");
        Path file = BenchFiles.random(work, size);
        List<UploadResult> uploads = new ArrayList<>();
        try (TransferClient client = TransferClient.connect(api.transferSocket(), token)) {
            for (int i = 1; i <= count; i++) {
                try (SegmentSource source = SegmentSource.of(file)) {
                    uploads.add(client.upload(source, "part " + i + ".bin", UploadOptions.defaults()));
                }
            }
        }
        StringBuilder query = new StringBuilder("api/files/archive?");
        uploads.forEach(u -> query.append("id=").append(u.fileId()).append('&'));
        System.out.printf("Zip of %d files of %d MiB (%.2f GB) from %s, read back with java.util.zip as it streams%n",
                count, size >> 20, count * size / MB / 1000, app);

        HttpClient http = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(URI.create(app + query.toString()))
                .header("Authorization", "Bearer " + token).GET().build();
        int good = 0;
        long zipBytes;
        long t0;
        double seconds;
        try (HeapSampler heap = pid > 0 ? new HeapSampler(pid) : null) {
            Thread.sleep(500); // a first sample of the idle heap
            long idle = heap == null ? -1 : heap.usedMib();
            if (heap != null) {
                heap.reset();
            }
            t0 = System.nanoTime();
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("archive answered " + response.statusCode());
            }
            CountingStream counted = new CountingStream(response.body());
            try (ZipInputStream zip = new ZipInputStream(counted)) {
                int index = 0;
                for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry(), index++) {
                    String sha = sha256(zip);
                    boolean same = index < uploads.size() && uploads.get(index).sha256().equals(sha);
                    good += same ? 1 : 0;
                    System.out.printf("  %-12s %s%n", entry.getName(), same ? "whole (SHA-256 matches)" : "DIFFERS");
                }
            }
            seconds = (System.nanoTime() - t0) / 1e9;
            zipBytes = counted.count;
            System.out.printf("zip %.2f GB (%s), %.1f s, %.1f MB/s; server heap idle %d MiB, peak %d MiB%n",
                    zipBytes / MB / 1000, zipBytes > 0xFFFFFFFFL ? "past 4 GiB: ZIP64" : "under 4 GiB", seconds,
                    zipBytes / MB / seconds, idle, heap == null ? -1 : heap.peakUsedMib());
        }
        for (UploadResult upload : uploads) {
            api.send("DELETE", "api/files/" + upload.fileId(), HttpRequest.BodyPublishers.noBody(),
                    Accounts.bearer(token));
        }
        api.send("DELETE", "api/trash", HttpRequest.BodyPublishers.noBody(), Accounts.bearer(token));
        Files.deleteIfExists(file);
        System.out.println(good == count ? "PASS: every entry whole" : "FAIL: " + (count - good) + " entries differ");
        System.exit(good == count ? 0 : 1);
    }

    private static String sha256(InputStream in) throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        byte[] buffer = new byte[1 << 16];
        for (int n; (n = in.read(buffer)) > 0; ) {
            sha.update(buffer, 0, n);
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    /** Counts the bytes of the zip as they go by. */
    private static final class CountingStream extends java.io.FilterInputStream {
        long count;

        CountingStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws java.io.IOException {
            int b = super.read();
            count += b < 0 ? 0 : 1;
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws java.io.IOException {
            int n = super.read(b, off, len);
            count += Math.max(0, n);
            return n;
        }
    }
}
