package vn.mydrive.bench;

import jakarta.json.JsonObject;
import java.net.URL;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import vn.mydrive.client.SegmentSource;
import vn.mydrive.client.TransferClient;
import vn.mydrive.testkit.Accounts;
import vn.mydrive.testkit.ApiClient;

/**
 * Two app servers sharing one store: one upload's segments sent alternately to both nodes, the file read
 * back whole from each; an admin on either node sees both nodes' connections and events; "refresh now" on
 * both at once never runs two COVID refreshes at the same time. Exits 1 on any failure. Run by
 * bench/two-nodes.sh, which starts the nodes. System properties: {@code node.a}, {@code node.b} (URLs),
 * {@code admin.password}, {@code mib} (32).
 */
public final class TwoNodesCheck {

    public static void main(String[] args) throws Exception {
        ApiClient a = new ApiClient(new URL(System.getProperty("node.a", "http://127.0.0.1:8080/mydrive/")));
        ApiClient b = new ApiClient(new URL(System.getProperty("node.b", "http://127.0.0.1:8180/mydrive/")));
        int mib = Integer.getInteger("mib", 32);
        List<String> failures = new ArrayList<>();

        // One account, signed in on node A; the token is good on node B (same key, same session store).
        String token = new Accounts(a).newSignedInUser("two-nodes");
        byte[] data = new byte[mib << 20];
        new Random(2).nextBytes(data);
        try (TransferClient viaA = TransferClient.connect(a.transferSocket(), token);
             TransferClient viaB = TransferClient.connect(b.transferSocket(), token)) {
            System.out.printf("MyDrive two nodes, one store: %s and %s%n", a.base(), b.base());
            int segment = viaA.segmentSize();
            SegmentSource source = SegmentSource.of(data);
            int count = (data.length + segment - 1) / segment;
            viaA.sendText(jakarta.json.Json.createObjectBuilder().add("type", "upload").add("ref", "both")
                    .add("name", "both-nodes.bin").add("size", data.length)
                    .add("fingerprint", TransferClient.fingerprint(source, segment)).build().toString());
            String uploadId = viaA.awaitType("upload-ready").getString("uploadId");
            // Segment i goes to node A when i is even, to node B when odd; a few at a time on each.
            String fileId = null;
            int acknowledged = 0;
            for (int first = 0; first < count; first += 8) {
                int sentA = 0;
                int sentB = 0;
                for (int i = first; i < Math.min(count, first + 8); i++) {
                    (i % 2 == 0 ? viaA : viaB).sendBinary(TransferClient.frame(source, uploadId, i, segment));
                    if (i % 2 == 0) {
                        sentA++;
                    } else {
                        sentB++;
                    }
                }
                for (TransferClient node : List.of(viaA, viaB)) {
                    for (int n = node == viaA ? sentA : sentB; n > 0; n--) {
                        JsonObject reply = node.await(m -> uploadId.equals(m.getString("uploadId", null))
                                && Set.of("ack", "error").contains(m.getString("type")), java.time.Duration.ofSeconds(30));
                        if (!"ack".equals(reply.getString("type"))) {
                            failures.add("segment refused: " + reply);
                        }
                        acknowledged++;
                    }
                }
            }
            for (TransferClient node : List.of(viaA, viaB)) {
                try {
                    fileId = node.await(m -> "complete".equals(m.getString("type")) && uploadId.equals(m.getString("uploadId")),
                            java.time.Duration.ofSeconds(5)).getString("fileId");
                } catch (TransferClient.NoAnswerException notThisNode) {
                    // The completion goes to the node that stored the last segment.
                }
            }
            System.out.printf("upload: %d segments, %d acknowledged, even ones through node A, odd ones through node B%n",
                    count, acknowledged);
            if (fileId == null) {
                failures.add("no completion from either node");
            } else {
                boolean sameOnA = Arrays.equals(data, viaA.downloadBytes(fileId));
                boolean sameOnB = Arrays.equals(data, viaB.downloadBytes(fileId));
                System.out.printf("file %s read back identical from node A: %s, from node B: %s%n", fileId, sameOnA, sameOnB);
                if (!sameOnA || !sameOnB) {
                    failures.add("the file differs when read back");
                }
            }

            // Both nodes' connections and events, seen from each node.
            String admin = adminToken(a);
            Thread.sleep(3000);
            for (ApiClient node : List.of(a, b)) {
                Set<String> clientNodes = array(node.get("api/admin/clients", Accounts.bearer(admin))).stream().map(c -> c.getString("node", "?")).collect(Collectors.toSet());
                Set<String> eventNodes = array(node.get("api/admin/activity?limit=500", Accounts.bearer(admin))).stream()
                        .map(e -> e.getString("node", "?")).collect(Collectors.toSet());
                System.out.printf("admin on %s sees connections on nodes %s and events from nodes %s%n", node.base(),
                        clientNodes, eventNodes);
                if (clientNodes.size() < 2 || eventNodes.size() < 2) {
                    failures.add("admin on " + node.base() + " does not see both nodes");
                }
            }

            // "Refresh now" on both nodes at once, three times: refreshes never overlap across nodes.
            for (int round = 0; round < 3; round++) {
                CompletableFuture<?> onA = CompletableFuture.runAsync(() -> a.post("api/admin/covid/refresh", "{}", Accounts.bearer(admin)));
                CompletableFuture<?> onB = CompletableFuture.runAsync(() -> b.post("api/admin/covid/refresh", "{}", Accounts.bearer(admin)));
                CompletableFuture.allOf(onA, onB).join();
                Thread.sleep(4000);
            }
            List<JsonObject> runs = array(a.get("api/admin/covid/runs", Accounts.bearer(admin)));
            List<JsonObject> worked = runs.stream().filter(r -> !"SKIPPED".equals(r.getString("outcome"))).toList();
            long skipped = runs.size() - worked.size();
            int overlaps = 0;
            for (JsonObject x : worked) {
                for (JsonObject y : worked) {
                    if (!x.getString("node").equals(y.getString("node")) && overlap(x, y)) {
                        overlaps++;
                    }
                }
            }
            System.out.printf("COVID refresh: %d runs on nodes %s, %d skipped because the other node held the lease, "
                    + "%d overlapping across nodes%n", runs.size(), runs.stream().map(r -> r.getString("node"))
                    .collect(Collectors.toSet()), skipped, overlaps / 2);
            if (overlaps > 0) {
                failures.add("refreshes overlapped across nodes");
            }
        }
        System.out.println(failures.isEmpty() ? "PASS" : "FAIL: " + failures);
        System.exit(failures.isEmpty() ? 0 : 1);
    }

    private static List<JsonObject> array(ApiClient.Reply reply) {
        if (reply.status() != 200) {
            throw new IllegalStateException(reply.toString());
        }
        return jakarta.json.Json.createReader(new java.io.StringReader(reply.body())).readArray()
                .getValuesAs(JsonObject.class);
    }

    private static boolean overlap(JsonObject x, JsonObject y) {
        Instant xs = Instant.parse(x.getString("startedAt"));
        Instant xe = ended(x);
        Instant ys = Instant.parse(y.getString("startedAt"));
        Instant ye = ended(y);
        return xs.isBefore(ye) && ys.isBefore(xe);
    }

    private static Instant ended(JsonObject run) {
        return run.containsKey("endedAt") && !run.isNull("endedAt") ? Instant.parse(run.getString("endedAt")) : Instant.now();
    }

    private static String adminToken(ApiClient node) {
        return new Accounts(node).signInTakingOver("admin", System.getProperty("admin.password", "two-nodes-steady-lantern"));
    }

}
