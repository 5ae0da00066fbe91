package vn.mydrive.bench;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import vn.mydrive.client.SegmentSource;
import vn.mydrive.client.TransferClient;
import vn.mydrive.client.TransferClient.UploadOptions;
import vn.mydrive.client.TransferClient.UploadResult;
import vn.mydrive.testkit.Accounts;
import vn.mydrive.testkit.ApiClient;

/**
 * Kills the app server ({@code kill -9}) while uploads are in flight, restarts it on the same store, and checks
 * what the protocol promises: every segment acknowledged before the kill is found stored after the restart, for
 * each upload separately; every file whose {@code complete} was received is listed and whole; nothing is listed
 * that is not whole; every interrupted upload resumes (only what is missing is sent) and comes out identical; and
 * once the expiry has passed the abandoned uploads are gone with no chunk left behind. Each cycle kills at another
 * moment: right after the first acknowledgements, a third of the way, with most of a file stored, right after a
 * {@code complete}, and after a random pause (commits run continuously under this load, so some kills fall in the
 * middle of one). Exits 1 on any failure. Run by bench/crash.sh (which starts the first server). System
 * properties: {@code cycles} (5), {@code mib} (48), {@code mongo.uri}, {@code mydrive.url}, {@code expiry.seconds}
 * (how long the server keeps an abandoned upload, as bench/crash.sh configures it).
 */
public final class CrashResumeCheck {

    private static final String USER = "crash-check";
    private static final int IN_FLIGHT = 3;

    /** One upload in flight when the server is killed, and what the server acknowledged of it. */
    private record InFlight(String name, TransferClient client, CompletableFuture<UploadResult> result,
                            Set<Integer> acknowledged, Set<String> uploadIds) {
    }

    public static void main(String[] args) throws Exception {
        URL app = new URL(System.getProperty("mydrive.url", "http://127.0.0.1:8080/mydrive/"));
        int cycles = Integer.getInteger("cycles", 5);
        int mib = Integer.getInteger("mib", 48);
        int expirySeconds = Integer.getInteger("expiry.seconds", 30);
        ApiClient api = new ApiClient(app);
        new Accounts(api).register(USER);
        Map<String, byte[]> sources = new LinkedHashMap<>();
        Set<String> finished = new HashSet<>();
        List<String> failures = new ArrayList<>();
        Random random = new Random(20261202);
        System.out.printf("MyDrive crash check: %d cycles of kill -9 during %d uploads of %d MiB, restart, verify%n",
                cycles, IN_FLIGHT, mib);
        for (int cycle = 1; cycle <= cycles; cycle++) {
            String token = signIn(api);
            String done = "done-" + cycle + ".bin";
            sources.put(done, data(mib / 3, cycle * 10));
            try (TransferClient client = TransferClient.connect(api.transferSocket(), token)) {
                client.upload(SegmentSource.of(sources.get(done)), done, UploadOptions.defaults());
                finished.add(done);
            }
            List<InFlight> uploads = new ArrayList<>();
            for (int i = 0; i < IN_FLIGHT; i++) {
                // The first is small, so it completes while the others run (its complete is a kill moment).
                String name = "cycle-" + cycle + "-" + (char) ('a' + i) + ".bin";
                sources.put(name, data(i == 0 ? 4 : mib, cycle * 10 + i + 1));
                uploads.add(start(api, token, name, sources.get(name)));
            }
            String moment = awaitMoment(cycle, uploads, mib, random);
            killServer();
            Map<String, Set<Integer>> acknowledged = new LinkedHashMap<>();
            Set<String> completed = new HashSet<>();
            for (InFlight upload : uploads) {
                acknowledged.put(upload.name(), Set.copyOf(upload.acknowledged()));
                try {
                    if (upload.result().join().complete()) {
                        completed.add(upload.name());
                    }
                } catch (RuntimeException expected) {
                    // The connection died with the server.
                }
                upload.client().abort();
            }
            System.out.printf("cycle %d: killed the server %s%n", cycle, moment);
            long restart = System.nanoTime();
            startServer();
            System.out.printf("  restarted in %.1f s%n", (System.nanoTime() - restart) / 1e9);

            token = signIn(api);
            finished.addAll(completed);
            failures.addAll(checkListed(api, token, sources, finished, cycle));
            try (TransferClient client = TransferClient.connect(api.transferSocket(), token)) {
                for (InFlight upload : uploads) {
                    failures.addAll(checkResumed(client, upload.name(), sources.get(upload.name()),
                            acknowledged.get(upload.name()), completed.contains(upload.name()), cycle));
                    finished.add(upload.name());
                }
            }
            // The last cycle's uploads are left unfinished, to expire.
            if (cycle == cycles) {
                String abandoned = "abandoned.bin";
                sources.put(abandoned, data(mib, 99));
                try (TransferClient client = TransferClient.connect(api.transferSocket(), token)) {
                    client.upload(SegmentSource.of(sources.get(abandoned)), abandoned,
                            UploadOptions.defaults().stoppingAfter(3));
                }
            }
        }
        String token = signIn(api);
        failures.addAll(checkListed(api, token, sources, finished, cycles));
        System.out.printf("waiting %d s for the abandoned uploads to expire%n", expirySeconds + 10);
        Thread.sleep((expirySeconds + 10) * 1000L);
        // Read now: every restart made the store a new secret.
        try (MongoClient mongo = MongoClients.create(BenchStore.uri())) {
            MongoDatabase db = mongo.getDatabase("mydrive");
            // Unfinished uploads left (completed ones keep a record for as long as their file exists).
            long uploads = db.getCollection("uploads").countDocuments(
                    new org.bson.Document("completed", new org.bson.Document("$ne", true)));
            // Every file has exactly its chunks 0..count-1, checked chunk by chunk by exact key (the embedded
            // store reads a whole collection for anything else); and the store holds no other chunk at all:
            // the chunks counted for the files are all the chunks there are.
            List<String> miscounted = new ArrayList<>();
            long expectedTotal = 0;
            MongoCollection<org.bson.Document> chunks = db.getCollection("fs.chunks");
            for (org.bson.Document f : db.getCollection("fs.files").find().into(new ArrayList<>())) {
                long count = (f.get("length", Number.class).longValue() + f.getInteger("chunkSize") - 1) / f.getInteger("chunkSize");
                expectedTotal += count;
                for (long n = 0; n <= count; n++) {
                    boolean present = chunks.find(new org.bson.Document("files_id", f.get("_id")).append("n", (int) n))
                            .projection(new org.bson.Document("n", 1)).first() != null;
                    if (present != (n < count)) {
                        miscounted.add(f.getString("filename") + (present ? ": an extra chunk " : ": chunk missing ") + n);
                    }
                }
            }
            long totalChunks = chunks.estimatedDocumentCount();
            if (!miscounted.isEmpty()) {
                failures.add("files with the wrong chunks: " + miscounted);
            }
            System.out.printf("after expiry: %d unfinished uploads left, %d chunks stored for %d expected, "
                    + "%d files with wrong chunks%n", uploads, totalChunks, expectedTotal, miscounted.size());
            if (uploads > 0 || totalChunks != expectedTotal) {
                failures.add("after expiry: " + uploads + " uploads, " + (totalChunks - expectedTotal) + " stray chunks");
            }
        }
        System.out.println(failures.isEmpty() ? "PASS: every acknowledged segment found, every finished file intact, "
                + "every interrupted upload resumed, the abandoned one expired"
                : "FAIL: " + failures);
        System.exit(failures.isEmpty() ? 0 : 1);
    }

    /** Starts an upload on a socket of its own, recording every segment the server acknowledges. */
    private static InFlight start(ApiClient api, String token, String name, byte[] data) {
        TransferClient client = TransferClient.connect(api.transferSocket(), token);
        Set<Integer> acknowledged = ConcurrentHashMap.newKeySet();
        Set<String> uploadIds = ConcurrentHashMap.newKeySet();
        client.onAcknowledged((uploadId, index) -> {
            uploadIds.add(uploadId);
            acknowledged.add(index);
        });
        CompletableFuture<UploadResult> result = CompletableFuture.supplyAsync(
                () -> client.upload(SegmentSource.of(data), name, UploadOptions.defaults()));
        return new InFlight(name, client, result, acknowledged, uploadIds);
    }

    /** Waits for this cycle's kill moment; says what it was. */
    private static String awaitMoment(int cycle, List<InFlight> uploads, int mib, Random random)
            throws InterruptedException {
        InFlight small = uploads.get(0);
        InFlight large = uploads.get(1);
        switch ((cycle - 1) % 5) {
            case 0 -> {
                waitUntil(() -> large.acknowledged().size() >= 1);
                return "right after the first acknowledgements";
            }
            case 1 -> {
                waitUntil(() -> large.acknowledged().size() >= mib / 3);
                return "a third of the way";
            }
            case 2 -> {
                waitUntil(() -> large.acknowledged().size() >= mib * 9 / 10);
                return "with most of a file stored";
            }
            case 3 -> {
                waitUntil(() -> small.result().isDone());
                return "right after a complete";
            }
            default -> {
                long pause = 200 + random.nextInt(2000);
                Thread.sleep(pause);
                return "after a random " + pause + " ms";
            }
        }
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
        while (!condition.getAsBoolean()) {
            Thread.sleep(1);
        }
    }

    /**
     * Asks the restarted server about an interrupted upload (the same {@code upload} again) and compares what it
     * holds with what it acknowledged before the kill; then finishes the upload and compares the bytes.
     */
    private static List<String> checkResumed(TransferClient client, String name, byte[] data, Set<Integer> acknowledged,
                                             boolean completed, int cycle) {
        List<String> failures = new ArrayList<>();
        String ref = "check-" + name;
        client.sendText(Json.createObjectBuilder().add("type", "upload").add("ref", ref).add("name", name)
                .add("size", data.length).add("lastModified", UploadOptions.defaults().lastModified())
                .add("fingerprint", TransferClient.fingerprint(SegmentSource.of(data), client.segmentSize()))
                .build().toString());
        JsonObject answer = client.await(m -> ref.equals(m.getString("ref", null)), Duration.ofSeconds(60));
        Set<Integer> found = new TreeSet<>();
        int segments = (int) ((data.length + client.segmentSize() - 1) / client.segmentSize());
        if ("complete".equals(answer.getString("type"))) {
            for (int i = 0; i < segments; i++) {
                found.add(i);
            }
        } else if ("upload-ready".equals(answer.getString("type"))) {
            for (JsonArray range : answer.getJsonArray("have").getValuesAs(JsonArray.class)) {
                for (int i = range.getInt(0); i <= range.getInt(1); i++) {
                    found.add(i);
                }
            }
        } else {
            failures.add("cycle " + cycle + ": " + name + " could not be resumed: " + answer);
            return failures;
        }
        Set<Integer> missing = new TreeSet<>(acknowledged);
        missing.removeAll(found);
        System.out.printf("  upload %s: %d acknowledged before the kill, %d found after the restart, missing %s%s%n",
                name, acknowledged.size(), found.size(), missing, completed ? " (complete was received)" : "");
        if (!missing.isEmpty()) {
            failures.add("cycle " + cycle + ": " + name + " lost acknowledged segments " + missing);
        }
        if (completed && found.size() != segments) {
            failures.add("cycle " + cycle + ": " + name + " was complete but is not any more");
        }
        UploadResult result = client.upload(SegmentSource.of(data), name, UploadOptions.defaults());
        if (result.segmentsSent() > segments - found.size()) {
            failures.add("cycle " + cycle + ": " + name + " sent " + result.segmentsSent() + " segments, "
                    + (segments - found.size()) + " were missing");
        }
        if (!Arrays.equals(data, client.downloadBytes(result.fileId()))) {
            failures.add("cycle " + cycle + ": the resumed " + name + " differs");
        }
        return failures;
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
