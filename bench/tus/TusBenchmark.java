package vn.mydrive.bench.tus;

import io.tus.java.client.TusClient;
import io.tus.java.client.TusUpload;
import io.tus.java.client.TusUploader;
import java.io.File;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import vn.mydrive.bench.BenchFiles;
import vn.mydrive.client.SegmentSource;
import vn.mydrive.client.TransferClient;
import vn.mydrive.client.TransferClient.UploadOptions;
import vn.mydrive.testkit.Accounts;
import vn.mydrive.testkit.ApiClient;

/**
 * MyDrive's upload into its store against tus-java-server's upload to plain disk, same file, same server,
 * same loopback, alternating rounds. tus-java-client sends 1 MiB chunks in PATCH requests of up to 8 MiB (WildFly takes request bodies up to 10 MB)
 * (its default, 10 MiB, is just over that). Run by bench/tus.sh. System properties: {@code mib} (1024), {@code rounds} (3).
 */
public final class TusBenchmark {

    public static void main(String[] args) throws Exception {
        int mib = Integer.getInteger("mib", 1024);
        int rounds = Integer.getInteger("rounds", 3);
        Path file = BenchFiles.random(Path.of("target/bench"), (long) mib << 20);
        ApiClient api = new ApiClient(new URL("http://127.0.0.1:8080/mydrive/"));
        String token = new Accounts(api).newSignedInUser("tus-bench");
        System.out.printf("MyDrive upload (transfer socket into the store) vs tus-java-server (HTTP PATCH to disk), %d MiB, "
                + "same WildFly, loopback; MB = 10^6 bytes%n%-6s %16s %16s %8s%n", mib, "round", "tus to disk", "MyDrive", "ratio");
        List<double[]> results = new ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
            double tus = tusUpload(file.toFile());
            double mine;
            try (TransferClient client = TransferClient.connect(api.transferSocket(), token)) {
                long start = System.nanoTime();
                var result = client.upload(SegmentSource.of(file), "tus-compare-" + round + ".bin", UploadOptions.defaults());
                mine = Files.size(file) / 1e6 / ((System.nanoTime() - start) / 1e9);
                api.send("DELETE", "api/files/" + result.fileId(), java.net.http.HttpRequest.BodyPublishers.noBody(),
                        Accounts.bearer(token));
            }
            results.add(new double[] {tus, mine});
            System.out.printf("%-6d %11.1f MB/s %11.1f MB/s %8.2f%n", round, tus, mine, mine / tus);
        }
        double[] tus = results.stream().mapToDouble(r -> r[0]).sorted().toArray();
        double[] mine = results.stream().mapToDouble(r -> r[1]).sorted().toArray();
        System.out.printf("%-6s %11.1f MB/s %11.1f MB/s %8.2f%n", "median", tus[rounds / 2], mine[rounds / 2],
                mine[rounds / 2] / tus[rounds / 2]);
    }

    private static double tusUpload(File file) throws Exception {
        TusClient client = new TusClient();
        client.setUploadCreationURL(new URL("http://127.0.0.1:8080/tus/upload"));
        TusUpload upload = new TusUpload(file);
        upload.setFingerprint(file.getName() + System.nanoTime());
        long start = System.nanoTime();
        TusUploader uploader = client.createUpload(upload);
        uploader.setChunkSize(1 << 20);
        uploader.setRequestPayloadSize(8 << 20);
        // Stop at the end: asked for one more chunk there, the client opens a request the server refuses.
        while (uploader.getOffset() < upload.getSize()) {
            uploader.uploadChunk();
        }
        uploader.finish();
        return file.length() / 1e6 / ((System.nanoTime() - start) / 1e9);
    }
}
