package vn.mydrive.bench;

import java.net.URL;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import vn.mydrive.client.SegmentSource;
import vn.mydrive.client.TransferClient;
import vn.mydrive.client.TransferClient.UploadOptions;
import vn.mydrive.client.TransferClient.UploadResult;
import vn.mydrive.testkit.Accounts;
import vn.mydrive.testkit.ApiClient;

/**
 * Many clients at once: each uploads its own file and downloads it back over its own transfer socket, all
 * at the same time. Prints the aggregate MB/s of each direction against one client alone, the segment
 * round trips (sent to acknowledged, asked to received) at p50/p99, and whether every byte came back.
 * Run by bench/clients.sh. System properties: {@code mydrive.url}, {@code clients} (50), {@code mib} (20).
 */
public final class ConcurrentClientsBenchmark {

    private static final double MB = 1_000_000.0;

    public static void main(String[] args) throws Exception {
        URL app = new URL(System.getProperty("mydrive.url", "http://127.0.0.1:8080/mydrive/"));
        int clients = Integer.getInteger("clients", 50);
        int mib = Integer.getInteger("mib", 20);
        ApiClient api = new ApiClient(app);
        System.out.printf("MyDrive concurrent clients: %d clients x %d MiB up and back down, Java client over loopback%n",
                clients, mib);

        run(api, 1, mib, "warm-up");
        Phase alone = run(api, 1, mib, "alone");
        Phase together = run(api, clients, mib, "together");
        System.out.printf("%n%-10s %8s %16s %16s %22s %22s %8s%n", "", "clients", "upload MB/s", "download MB/s",
                "upload RTT p50/p99", "download RTT p50/p99", "errors");
        for (Phase phase : List.of(alone, together)) {
            System.out.printf("%-10s %8d %16.1f %16.1f %15.1f/%.1f ms %15.1f/%.1f ms %8d%n", phase.label, phase.clients,
                    phase.uploadMBs, phase.downloadMBs, phase.upP50, phase.upP99, phase.downP50, phase.downP99, phase.errors);
        }
        System.out.printf("aggregate / alone: upload %.2f, download %.2f; every byte identical: %s%n",
                together.uploadMBs / alone.uploadMBs, together.downloadMBs / alone.downloadMBs,
                together.errors == 0 && alone.errors == 0 ? "yes" : "NO");
        if (together.errors + alone.errors > 0) {
            System.exit(1);
        }
    }

    private record Phase(String label, int clients, double uploadMBs, double downloadMBs, double upP50, double upP99,
                         double downP50, double downP99, int errors) {
    }

    private static Phase run(ApiClient api, int count, int mib, String label) throws Exception {
        List<TransferClient> connections = new ArrayList<>();
        Accounts accounts = new Accounts(api);
        for (int i = 0; i < count; i++) {
            connections.add(TransferClient.connect(api.transferSocket(), accounts.newSignedInUser("load")));
        }
        Latencies up = new Latencies();
        Latencies down = new Latencies();
        AtomicInteger errors = new AtomicInteger();
        byte[][] data = new byte[count][];
        for (int i = 0; i < count; i++) {
            data[i] = new byte[mib << 20];
            new Random(i).nextBytes(data[i]);
        }
        ExecutorService pool = Executors.newFixedThreadPool(count);
        try {
            String[] fileIds = new String[count];
            List<Callable<Void>> uploads = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int n = i;
                uploads.add(() -> {
                    TransferClient client = connections.get(n);
                    client.onSegmentRoundTrip(up::add);
                    UploadResult result = client.upload(SegmentSource.of(data[n]), "load-" + n + ".bin", UploadOptions.defaults());
                    fileIds[n] = result.fileId();
                    return null;
                });
            }
            double uploadSeconds = timed(pool, uploads, errors);
            List<Callable<Void>> downloads = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int n = i;
                downloads.add(() -> {
                    TransferClient client = connections.get(n);
                    client.onSegmentRoundTrip(down::add);
                    if (fileIds[n] == null || !Arrays.equals(data[n], client.downloadBytes(fileIds[n]))) {
                        throw new IllegalStateException("client " + n + ": the bytes differ");
                    }
                    return null;
                });
            }
            double downloadSeconds = timed(pool, downloads, errors);
            double bytes = (double) count * (mib << 20);
            return new Phase(label, count, bytes / MB / uploadSeconds, bytes / MB / downloadSeconds,
                    up.percentile(50), up.percentile(99), down.percentile(50), down.percentile(99), errors.get());
        } finally {
            pool.shutdownNow();
            connections.forEach(TransferClient::close);
        }
    }

    private static double timed(ExecutorService pool, List<Callable<Void>> work, AtomicInteger errors) throws Exception {
        long start = System.nanoTime();
        for (Future<Void> done : pool.invokeAll(work)) {
            try {
                done.get();
            } catch (java.util.concurrent.ExecutionException e) {
                errors.incrementAndGet();
                System.out.println("error: " + e.getCause());
            }
        }
        return (System.nanoTime() - start) / 1e9;
    }
}
