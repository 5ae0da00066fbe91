package vn.mydrive.bench;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.gridfs.GridFSBucket;
import com.mongodb.client.gridfs.GridFSBuckets;
import com.mongodb.client.gridfs.model.GridFSUploadOptions;
import com.mongodb.client.MongoCollection;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
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
 * The embedded store under write load from the app and from outside at once, for {@code minutes} per round:
 * the app's uploads (the Java transfer client, {@code app.mib} files) and a GridFS writer using the store's port
 * with the driver ({@code outside.mib} files, 1 MiB chunks), while bench/store-load.sh keeps the CPUs busy.
 * After each round: every file of both is read back and compared, the server's readiness must be UP, its log must
 * hold no store failure, and its heap peak is printed. Exits 1 on any failure.
 *
 * <p>The outside files are read back and removed chunk by chunk, by their (files_id, n) key, as the app reads its
 * own: the embedded store answers a {@code find} by collecting every matching document first, so the driver's
 * {@code openDownloadStream} and {@code delete} (one query for all of a file's chunks) would hold a whole 256 MiB
 * file in the store's heap (docs/benchmarks.md, "Store under load").
 */
public final class StoreLoadCheck {

    public static void main(String[] args) throws Exception {
        URL app = new URL(System.getProperty("mydrive.url", "http://127.0.0.1:8080/mydrive/"));
        int rounds = Integer.getInteger("rounds", 5);
        double minutes = Double.parseDouble(System.getProperty("minutes", "3"));
        int appMib = Integer.getInteger("app.mib", 64);
        int outsideMib = Integer.getInteger("outside.mib", 256);
        Path log = Path.of(System.getProperty("server.log", "target/bench/server.log"));
        long pid = Long.getLong("server.pid", 0);
        ApiClient api = new ApiClient(app);
        String user = Accounts.uniqueName("load");
        new Accounts(api).register(user);
        List<String> failures = new ArrayList<>();
        System.out.printf("MyDrive store load check: %d rounds of %.1f min, app uploads of %d MiB and an outside GridFS "
                + "writer of %d MiB files at once%n", rounds, minutes, appMib, outsideMib);
        System.out.printf("%-6s %10s %10s %12s %12s %14s %8s%n", "round", "app files", "app MB", "outside files",
                "outside MB", "heap peak MiB", "ready");
        for (int round = 1; round <= rounds; round++) {
            String token = new Accounts(api).signInTakingOver(user, Accounts.PASSWORD);
            long deadline = System.nanoTime() + (long) (minutes * 60e9);
            AtomicBoolean stop = new AtomicBoolean();
            AtomicLong appBytes = new AtomicLong();
            AtomicLong outsideBytes = new AtomicLong();
            List<String> appFiles = new ArrayList<>();
            List<ObjectId> outsideFiles = new ArrayList<>();
            List<Long> seeds = new ArrayList<>();
            try (HeapSampler heap = pid > 0 ? new HeapSampler(pid) : null;
                 MongoClient mongo = MongoClients.create(MongoClientSettings.builder()
                         .applyConnectionString(new ConnectionString(BenchStore.uri()))
                         .applyToSocketSettings(b -> b.readTimeout(120, TimeUnit.SECONDS)).build());
                 TransferClient client = TransferClient.connect(api.transferSocket(), token)) {
                GridFSBucket bucket = GridFSBuckets.create(mongo.getDatabase("mydrive"), "loadcheck")
                        .withChunkSizeBytes(1 << 20);
                int r = round;
                CompletableFuture<Void> outside = CompletableFuture.runAsync(() -> {
                    for (int i = 0; !stop.get(); i++) {
                        long seed = r * 1000L + i;
                        try (InputStream in = new ByteArrayInputStream(bytes(outsideMib, seed))) {
                            ObjectId id = bucket.uploadFromStream("outside-" + r + "-" + i, in,
                                    new GridFSUploadOptions().chunkSizeBytes(1 << 20));
                            synchronized (outsideFiles) {
                                outsideFiles.add(id);
                                seeds.add(seed);
                            }
                            outsideBytes.addAndGet((long) outsideMib << 20);
                        } catch (java.io.IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    }
                });
                for (int i = 0; System.nanoTime() < deadline; i++) {
                    byte[] data = bytes(appMib, -(r * 1000L + i));
                    UploadResult result = client.upload(SegmentSource.of(data), "load-" + r + "-" + i + ".bin",
                            UploadOptions.defaults());
                    appFiles.add(result.fileId());
                    appBytes.addAndGet(data.length);
                }
                stop.set(true);
                outside.get(10, TimeUnit.MINUTES);
                for (int i = 0; i < appFiles.size(); i++) {
                    if (!HexFormat.of().formatHex(sha256(bytes(appMib, -(r * 1000L + i))))
                            .equals(client.download(appFiles.get(i), Files.createTempFile("load", ".bin")).sha256())) {
                        failures.add("round " + r + ": app file " + i + " differs");
                    }
                }
                MongoCollection<Document> chunks = mongo.getDatabase("mydrive").getCollection("loadcheck.chunks");
                for (int i = 0; i < outsideFiles.size(); i++) {
                    if (!sameChunks(chunks, outsideFiles.get(i), bytes(outsideMib, seeds.get(i)))) {
                        failures.add("round " + r + ": outside file " + i + " differs");
                    }
                    removeByKey(mongo, chunks, outsideFiles.get(i), outsideMib);
                }
                ApiClient.Reply ready = new ApiClient(new URL("http://127.0.0.1:9990/")).get("health/ready");
                if (ready.status() != 200) {
                    failures.add("round " + r + ": not ready: " + ready.body());
                }
                System.out.printf("%-6d %10d %10.0f %12d %12.0f %14s %8s%n", r, appFiles.size(), appBytes.get() / 1e6,
                        outsideFiles.size(), outsideBytes.get() / 1e6,
                        heap == null ? "-" : Long.toString(heap.peakUsedMib()), ready.status() == 200 ? "UP" : "DOWN");
                for (String fileId : appFiles) {
                    api.send("DELETE", "api/files/" + fileId, java.net.http.HttpRequest.BodyPublishers.noBody(),
                            Accounts.bearer(token));
                }
                // Deleted for good, so the next round's uploads have the quota back.
                api.send("DELETE", "api/trash", java.net.http.HttpRequest.BodyPublishers.noBody(), Accounts.bearer(token));
            }
        }
        String serverLog = Files.exists(log) ? Files.readString(log) : "";
        for (String panic : List.of("MVStoreException", "OutOfMemoryError", "failed to save")) {
            if (serverLog.contains(panic)) {
                failures.add("the server log reports " + panic);
            }
        }
        System.out.println(failures.isEmpty() ? "PASS: no store failure, every file whole, the server ready throughout"
                : "FAIL: " + failures);
        System.exit(failures.isEmpty() ? 0 : 1);
    }

    /** Compares a file's chunks with {@code expected}, reading one 1 MiB chunk at a time by its key. */
    private static boolean sameChunks(MongoCollection<Document> chunks, ObjectId fileId, byte[] expected) {
        int chunkSize = 1 << 20;
        for (int n = 0; n * chunkSize < expected.length; n++) {
            Document chunk = chunks.find(new Document("files_id", fileId).append("n", n)).first();
            if (chunk == null || !Arrays.equals(chunk.get("data", Binary.class).getData(),
                    Arrays.copyOfRange(expected, n * chunkSize, Math.min(expected.length, (n + 1) * chunkSize)))) {
                return false;
            }
        }
        return true;
    }

    private static void removeByKey(MongoClient mongo, MongoCollection<Document> chunks, ObjectId fileId,
                                    int chunkCount) {
        for (int n = 0; n < chunkCount; n++) {
            chunks.deleteOne(new Document("files_id", fileId).append("n", n));
        }
        mongo.getDatabase("mydrive").getCollection("loadcheck.files").deleteOne(new Document("_id", fileId));
    }

    private static byte[] bytes(int mib, long seed) {
        byte[] data = new byte[mib << 20];
        new Random(seed).nextBytes(data);
        return data;
    }

    private static byte[] sha256(byte[] data) throws Exception {
        return MessageDigest.getInstance("SHA-256").digest(data);
    }

    private StoreLoadCheck() {
    }

}
