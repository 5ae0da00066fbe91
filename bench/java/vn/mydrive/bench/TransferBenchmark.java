package vn.mydrive.bench;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.gridfs.GridFSBucket;
import com.mongodb.client.gridfs.GridFSBuckets;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.bson.Document;
import org.bson.types.Binary;
import org.bson.types.ObjectId;
import vn.mydrive.client.SegmentSource;
import vn.mydrive.client.TransferClient;
import vn.mydrive.client.TransferClient.UploadOptions;
import vn.mydrive.client.TransferClient.UploadResult;
import vn.mydrive.testkit.Accounts;
import vn.mydrive.testkit.ApiClient;

/**
 * Upload and download of a large file through MyDrive (Java client, transfer socket, loopback) against
 * writing and reading the same bytes straight into the same store with the MongoDB driver (GridFS, 1 MiB
 * chunks, read back a chunk at a time by key and written to disk, as the app's download is). Also samples the
 * server's heap. Run by bench/transfer.sh, which starts the server; prints one line per round and the medians.
 *
 * <p>System properties: {@code mydrive.url}, {@code mongo.uri}, {@code sizes} (MiB, comma-separated),
 * {@code rounds}, {@code server.pid}, {@code work.dir}, {@code sink} ({@code true}: also send the file to the bare
 * WebSocket sink, {@link BareSocketIngest}); and {@link PhaseProfiler}'s, to profile each phase.
 */
public final class TransferBenchmark {

    private static final double MB = 1_000_000.0;

    public static void main(String[] args) throws Exception {
        URL app = new URL(System.getProperty("mydrive.url", "http://127.0.0.1:8080/mydrive/"));
        String mongoUri = BenchStore.uri();
        int rounds = Integer.getInteger("rounds", 3);
        Path work = Files.createDirectories(Path.of(System.getProperty("work.dir", "target/bench")));
        long pid = Long.getLong("server.pid", -1);

        ApiClient api = new ApiClient(app);
        BareSocketIngest sink = Boolean.getBoolean("sink")
                ? new BareSocketIngest(BareSocketIngest.beside(app.toURI())) : null;
        String token = new Accounts(api).newSignedInUser("bench");
        try (MongoClient mongo = MongoClients.create(mongoUri);
             HeapSampler heap = pid > 0 ? new HeapSampler(pid) : null;
             TransferClient client = TransferClient.connect(api.transferSocket(), token)) {
            MongoDatabase db = mongo.getDatabase("mydrive");
            System.out.printf("MyDrive transfer benchmark: Java client over loopback vs the MongoDB driver into the same store%n");
            System.out.printf("server %s, store %s, segment %d bytes, window %d, %d round(s); MB = 10^6 bytes%n",
                    app, BenchStore.shown(mongoUri), client.segmentSize(), client.window(), rounds);
            for (String sizeText : System.getProperty("sizes", "1024").split(",")) {
                long size = Long.parseLong(sizeText.trim()) << 20;
                Path file = BenchFiles.random(work, size);
                String fileSha256 = sha256(file);
                System.out.printf("%n%d MiB file%n", size >> 20);
                System.out.printf("%-6s %14s %14s %6s %14s %14s %6s %26s%n", "round", "driver write", "app upload",
                        "ratio", "driver read", "app download", "ratio", "server heap MiB idle/peak");
                List<double[]> results = new ArrayList<>();
                for (int round = 1; round <= rounds; round++) {
                    double[] r = round(db, client, api, token, file, fileSha256, size, heap, sink);
                    results.add(r);
                    print(Integer.toString(round), r);
                }
                double[] median = new double[results.get(0).length];
                for (int i = 0; i < median.length; i++) {
                    final int column = i;
                    double[] values = results.stream().mapToDouble(r -> r[column]).sorted().toArray();
                    median[i] = values[values.length / 2];
                }
                print("median", median);
            }
        }
    }

    private static double[] round(MongoDatabase db, TransferClient client, ApiClient api, String token, Path file,
                                  String fileSha256, long size, HeapSampler heap, BareSocketIngest sink)
            throws Exception {
        Phases phases = new Phases(Long.getLong("server.pid", -1), size);
        // The store's own limit: GridFS through the driver, same chunk size as the app.
        GridFSBucket bucket = GridFSBuckets.create(db, "benchfs").withChunkSizeBytes(1 << 20);
        phases.start();
        long t0 = System.nanoTime();
        ObjectId direct;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 20)) {
            direct = bucket.uploadFromStream("bench.bin", in);
        }
        double driverWrite = size / MB / seconds(t0);
        phases.stop("driver-write");
        MongoCollection<Document> chunks = db.getCollection("benchfs.chunks");
        Path target = file.resolveSibling("downloaded.bin");
        phases.start();
        t0 = System.nanoTime();
        // To disk, as the app's download below: the same bytes from the same store to the same file.
        try (FileChannel out = overwrite(target)) {
            for (int n = 0; n < (size + (1 << 20) - 1) >> 20; n++) {
                Document chunk = chunks.find(new Document("files_id", direct).append("n", n)).batchSize(1).first();
                write(out, (long) n << 20, ByteBuffer.wrap(chunk.get("data", Binary.class).getData()));
            }
        }
        double driverRead = size / MB / seconds(t0);
        phases.stop("driver-read");
        if (!sha256(target).equals(fileSha256)) {
            throw new IllegalStateException("the driver read back other bytes");
        }
        // Not bucket.delete(): its deleteMany by files_id alone makes the embedded store materialise every chunk.
        for (int n = 0; n < (size + (1 << 20) - 1) >> 20; n++) {
            chunks.deleteOne(new Document("files_id", direct).append("n", n));
        }
        db.getCollection("benchfs.files").deleteOne(new Document("_id", direct));

        double bareSocket = Double.NaN;
        if (sink != null) {
            phases.start();
            t0 = System.nanoTime();
            sink.send(file, size);
            bareSocket = size / MB / seconds(t0);
            phases.stop("bare-socket");
        }

        long idle = heap == null ? -1 : heap.usedMib();
        if (heap != null) {
            heap.reset();
        }
        phases.start();
        t0 = System.nanoTime();
        UploadResult upload;
        try (SegmentSource source = SegmentSource.of(file)) {
            upload = client.upload(source, "bench-" + System.nanoTime() + ".bin", UploadOptions.defaults());
        }
        double appUpload = size / MB / seconds(t0);
        phases.stop("app-upload");
        if (!upload.complete()) {
            throw new IllegalStateException("upload did not complete");
        }

        phases.start();
        t0 = System.nanoTime();
        try (FileChannel out = overwrite(target)) {
            client.download(upload.fileId(), (position, bytes) -> write(out, position, bytes));
        }
        double appDownload = size / MB / seconds(t0);
        phases.stop("app-download");
        long peak = heap == null ? -1 : heap.peakUsedMib();
        System.out.printf("       CPU seconds per GiB (server + client): %s%n", phases.cpu());
        if (sink != null) {
            System.out.printf("       bare socket ingest: %.1f MB/s%n", bareSocket);
        }
        if (!sha256(target).equals(upload.sha256()) || !fileSha256.equals(upload.sha256())) {
            throw new IllegalStateException("bytes differ after the round trip");
        }
        api.send("DELETE", "api/files/" + upload.fileId(), java.net.http.HttpRequest.BodyPublishers.noBody(),
                Accounts.bearer(token));
        api.send("DELETE", "api/trash/" + upload.fileId(), java.net.http.HttpRequest.BodyPublishers.noBody(),
                Accounts.bearer(token));
        Files.delete(target);
        return new double[] {driverWrite, appUpload, driverRead, appDownload, idle, peak};
    }

    private static void print(String label, double[] r) {
        System.out.printf("%-6s %9.1f MB/s %9.1f MB/s %6.2f %9.1f MB/s %9.1f MB/s %6.2f %26s%n", label, r[0], r[1],
                r[1] / r[0], r[2], r[3], r[3] / r[2], r[4] < 0 ? "n/a" : String.format("%.0f / %.0f", r[4], r[5]));
    }

    /** Where a phase that reads the file back writes it, anew each time. */
    private static FileChannel overwrite(Path target) throws IOException {
        return FileChannel.open(target, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING);
    }

    private static void write(FileChannel out, long position, ByteBuffer bytes) {
        try {
            while (bytes.hasRemaining()) {
                out.write(bytes, position + bytes.position());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A file of random bytes of the given size, made once and kept for later runs. */
    static String sha256(Path file) throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[1 << 20];
            for (int n; (n = in.read(buffer)) > 0; ) {
                sha.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    private TransferBenchmark() {
    }

}
