package vn.mydrive.bench;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.bson.types.ObjectId;
import vn.mydrive.client.SegmentSource;
import vn.mydrive.client.TransferClient;
import vn.mydrive.client.TransferClient.UploadOptions;
import vn.mydrive.client.TransferClient.UploadResult;
import vn.mydrive.it.Accounts;
import vn.mydrive.it.ApiClient;

/**
 * Kills the app server ({@code kill -9}) while uploads are in flight, restarts it on the same store, and
 * checks: every finished file is listed and byte-identical, nothing is listed that is not whole, an
 * interrupted upload resumes from what was stored, and once the expiry has passed the abandoned uploads
 * are gone with no chunk left behind. Repeated {@code cycles} times in one run; exits 1 on any failure.
 * Run by bench/crash.sh (which starts the first server). System properties: {@code cycles} (3), {@code mib}
 * (48), {@code mongo.uri}, {@code mydrive.url}, {@code expiry.seconds} (how long the server keeps an
 * abandoned upload, as bench/crash.sh configures it).
 */
public final class CrashResumeCheck {

    private static final String USER = "crash-check";

    public static void main(String[] args) throws Exception {
        URL app = new URL(System.getProperty("mydrive.url", "http://127.0.0.1:8080/mydrive/"));
        String mongoUri = BenchStore.uri();
        int cycles = Integer.getInteger("cycles", 3);
        int mib = Integer.getInteger("mib", 48);
        int expirySeconds = Integer.getInteger("expiry.seconds", 30);
        ApiClient api = new ApiClient(app);
        new Accounts(api).register(USER);
        Map<String, byte[]> sources = new LinkedHashMap<>();
        Set<String> finished = new HashSet<>();
        List<String> failures = new ArrayList<>();
        System.out.printf("MyDrive crash check: %d cycles of kill -9 during uploads of %d MiB files, restart, verify%n",
                cycles, mib);
        for (int cycle = 1; cycle <= cycles; cycle++) {
            String token = signIn(api);
            String done = "done-" + cycle + ".bin";
            String resumed = "resumed-" + cycle + ".bin";
            String abandoned = "abandoned-" + cycle + ".bin";
            sources.put(done, data(mib / 3, cycle * 10));
            sources.put(resumed, data(mib, cycle * 10 + 1));
            sources.put(abandoned, data(mib, cycle * 10 + 2));
            try (TransferClient client = TransferClient.connect(api.transferSocket(), token)) {
                client.upload(SegmentSource.of(sources.get(done)), done, UploadOptions.defaults());
                finished.add(done);
            }
            // Two uploads in flight on two sockets; the server is killed once both have segments stored.
            TransferClient first = TransferClient.connect(api.transferSocket(), token);
            TransferClient second = TransferClient.connect(api.transferSocket(), token);
            AtomicInteger acknowledged = new AtomicInteger();
            first.onSegmentRoundTrip(t -> acknowledged.incrementAndGet());
            second.onSegmentRoundTrip(t -> acknowledged.incrementAndGet());
            CompletableFuture<UploadResult> a = CompletableFuture.supplyAsync(
                    () -> first.upload(SegmentSource.of(sources.get(resumed)), resumed, UploadOptions.defaults()));
            CompletableFuture<UploadResult> b = CompletableFuture.supplyAsync(
                    () -> second.upload(SegmentSource.of(sources.get(abandoned)), abandoned, UploadOptions.defaults()));
            while (acknowledged.get() < mib / 2 && !(a.isDone() && b.isDone())) {
                Thread.sleep(5);
            }
            int before = acknowledged.get();
            killServer();
            System.out.printf("cycle %d: killed the server with %d segments acknowledged%n", cycle, before);
            for (CompletableFuture<UploadResult> upload : List.of(a, b)) {
                try {
                    UploadResult result = upload.join();
                    if (result.complete()) {
                        System.out.println("  an upload finished before the kill: " + result.fileId());
                    }
                } catch (RuntimeException expected) {
                    // The connection died with the server.
                }
            }
            first.abort();
            second.abort();
            long restart = System.nanoTime();
            startServer();
            System.out.printf("  restarted in %.1f s%n", (System.nanoTime() - restart) / 1e9);

            token = signIn(api);
            failures.addAll(checkListed(api, token, sources, finished, cycle));
            try (TransferClient client = TransferClient.connect(api.transferSocket(), token)) {
                UploadResult result = client.upload(SegmentSource.of(sources.get(resumed)), resumed, UploadOptions.defaults());
                System.out.printf("  resumed %s: %d segments were already stored, %d sent%n", resumed,
                        result.segmentsSkipped(), result.segmentsSent());
                if (!Arrays.equals(sources.get(resumed), client.downloadBytes(result.fileId()))) {
                    failures.add("cycle " + cycle + ": the resumed file differs");
                }
                finished.add(resumed);
            }
        }
        String token = signIn(api);
        failures.addAll(checkListed(api, token, sources, finished, cycles));
        System.out.printf("waiting %d s for the abandoned uploads to expire%n", expirySeconds + 10);
        Thread.sleep((expirySeconds + 10) * 1000L);
        try (MongoClient mongo = MongoClients.create(mongoUri)) {
            MongoDatabase db = mongo.getDatabase("mydrive");
            Set<Object> owners = new HashSet<>();
            db.getCollection("fs.files").find().projection(new org.bson.Document("_id", 1)).forEach(d -> owners.add(d.get("_id")));
            long uploads = db.getCollection("uploads").countDocuments();
            db.getCollection("uploads").find().projection(new org.bson.Document("_id", 1)).forEach(d -> owners.add(d.get("_id")));
            Set<ObjectId> orphans = new HashSet<>();
            db.getCollection("fs.chunks").distinct("files_id", ObjectId.class).forEach(id -> {
                if (!owners.contains(id)) {
                    orphans.add(id);
                }
            });
            // Every stored file has exactly its chunks: none missing, none written twice.
            List<String> miscounted = new ArrayList<>();
            db.getCollection("fs.files").find().forEach(f -> {
                long expected = (f.get("length", Number.class).longValue() + f.getInteger("chunkSize") - 1) / f.getInteger("chunkSize");
                long actual = db.getCollection("fs.chunks").countDocuments(new org.bson.Document("files_id", f.get("_id")));
                if (actual != expected) {
                    miscounted.add(f.getString("filename") + ": " + actual + " chunks, " + expected + " expected");
                }
            });
            if (!miscounted.isEmpty()) {
                failures.add("files with the wrong number of chunks: " + miscounted);
            }
            System.out.printf("after expiry: %d unfinished uploads left, %d files with chunks but no file or upload, "
                    + "%d files with a wrong number of chunks%n", uploads, orphans.size(), miscounted.size());
            if (uploads > 0 || !orphans.isEmpty()) {
                failures.add("after expiry: " + uploads + " uploads, orphan chunks of " + orphans);
            }
        }
        System.out.println(failures.isEmpty() ? "PASS: every finished file intact, every interrupted upload resumed or expired"
                : "FAIL: " + failures);
        System.exit(failures.isEmpty() ? 0 : 1);
    }

    /** Every finished file is listed and identical; anything listed is whole (identical to its source). */
    private static List<String> checkListed(ApiClient api, String token, Map<String, byte[]> sources,
                                            Set<String> finished, int cycle) {
        List<String> failures = new ArrayList<>();
        JsonObject list = api.get("api/files?mine=true&size=200", Accounts.bearer(token)).json();
        Set<String> listed = new HashSet<>();
        try (TransferClient client = TransferClient.connect(api.transferSocket(), token)) {
            for (JsonObject file : list.getJsonArray("items").getValuesAs(JsonObject.class)) {
                String name = file.getString("name");
                listed.add(name);
                byte[] source = sources.get(name);
                if (source == null || !Arrays.equals(source, client.downloadBytes(file.getString("id")))) {
                    failures.add("cycle " + cycle + ": " + name + " is listed but not whole");
                }
            }
        }
        for (String name : finished) {
            if (!listed.contains(name)) {
                failures.add("cycle " + cycle + ": finished file " + name + " is missing");
            }
        }
        System.out.printf("  %d files listed, all whole: %s; all %d finished files present: %s%n", listed.size(),
                failures.stream().noneMatch(f -> f.contains("not whole")), finished.size(),
                failures.stream().noneMatch(f -> f.contains("missing")));
        return failures;
    }

    private static String signIn(ApiClient api) {
        return new Accounts(api).signInTakingOver(USER, Accounts.PASSWORD);
    }


    private static byte[] data(int mib, long seed) {
        byte[] data = new byte[mib << 20];
        new Random(seed).nextBytes(data);
        return data;
    }

    /** SIGKILL to the app server: no shutdown hooks, no flush, as a power cut or an OOM killer would. */
    private static void killServer() throws InterruptedException {
        ProcessHandle server = ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().orElse("").contains("jboss-modules.jar"))
                .findFirst().orElseThrow(() -> new IllegalStateException("no server running"));
        server.destroyForcibly();
        server.onExit().join();
    }

    private static void startServer() throws IOException, InterruptedException {
        ProcessBuilder start = new ProcessBuilder("bench/server.sh", "start").inheritIO();
        start.environment().put("KEEP_DATA", "1");
        if (start.redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor() != 0) {
            throw new IllegalStateException("the server did not start again");
        }
    }
}
