package vn.mydrive.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.mydrive.it.TransferIT.randomBytes;

import com.mongodb.client.MongoDatabase;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.URL;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Predicate;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.support.ui.FluentWait;
import vn.mydrive.client.TransferClient.TransferRefusedException;
import vn.mydrive.testkit.Accounts;
import vn.mydrive.testkit.ApiClient;

/**
 * Files other GridFS clients wrote straight into the bucket, through the real driver as they would: pymongo's
 * {@code fs.put(data, filename=..., owner=...)} (255 KiB chunks, a top-level owner, no metadata), an old client's
 * document (int32 length, md5, no uploadDate, no contentType), and broken ones (a chunk missing, a length its chunks
 * do not make). The whole ones are listed and served byte for byte over the socket and HTTP ranges; the broken ones
 * never, and no answer is a 5xx. Adoption gives files to their owners' accounts once; unclaimed owners' files go
 * where the admin says.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ForeignFilesIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.builtWar();
    }

    @ArquillianResource
    URL deployment;

    private ApiClient api;
    private DriveUsers user;
    private String admin;
    private OtherGridFsClients others;
    private MongoDatabase db;
    private String tag;

    @BeforeEach
    void connect() {
        api = new ApiClient(deployment);
        user = DriveUsers.signIn(api, "reader");
        admin = new Accounts(api).signInTakingOver("admin", Accounts.ADMIN_PASSWORD);
        others = new OtherGridFsClients();
        db = others.db();
        tag = "ff" + UUID.randomUUID().toString().substring(0, 8);
    }

    @AfterEach
    void close() {
        user.close();
        others.close();
    }

    @Test
    void wholeFilesOfOtherClientsAreListedAndServedAndBrokenOnesNever() throws Exception {
        // Counted before the files are written: the app's own periodic check may read them before the test asks.
        long unreadableBefore = bucket().getJsonNumber("unreadable").longValue();
        byte[] photo = randomBytes(3 * (1 << 20) + 12_345, 1);
        ObjectId photoId = others.pymongoPut(photo, tag + " ảnh cưới.jpg", "ghost-" + tag);
        byte[] old = randomBytes(2_500, 2);
        ObjectId oldId = others.oldClientPut(old, tag + " old.txt", 1_000, true);
        byte[] empty = new byte[0];
        ObjectId emptyId = others.oldClientPut(empty, tag + " empty.bin", 1_000, true);
        ObjectId missingChunk = others.pymongoPut(randomBytes(600_000, 3), tag + " missing.bin", null);
        db.getCollection("fs.chunks").deleteOne(new Document("files_id", missingChunk).append("n", 1));
        ObjectId wrongLength = others.oldClientPut(randomBytes(3_000, 4), tag + " wrong.bin", 1_000, false);
        db.getCollection("fs.files").updateOne(new Document("_id", wrongLength),
                new Document("$set", new Document("length", 2_500)));
        ObjectId badMd5 = others.oldClientPut(randomBytes(1_500, 5), tag + " md5.bin", 1_000, false);
        db.getCollection("fs.files").updateOne(new Document("_id", badMd5),
                new Document("$set", new Document("md5", "0123456789abcdef0123456789abcdef")));

        // Until read through, nobody sees them; the periodic check may have read them already. Never a 5xx.
        int beforeCheck = api.get("api/files/" + oldId.toHexString(), user.bearer()).status();
        assertTrue(beforeCheck == 404 || beforeCheck == 200, () -> "answered " + beforeCheck);
        run("check");
        // Which run read them (this one or the periodic one) is not the point: after a run, none is left unread,
        // the three broken ones are counted as unreadable, and the whole ones are listed below.
        JsonObject state = bucket();
        assertEquals(0, state.getJsonNumber("unchecked").longValue(), state::toString);
        assertEquals(unreadableBefore + 3, state.getJsonNumber("unreadable").longValue(), state::toString);

        JsonObject list = ok(api.get("api/files?name=" + tag + "&sort=name&order=asc", user.bearer())).json();
        // By name, as people read it: "ảnh" sorts as "anh".
        assertEquals(List.of(tag + " ảnh cưới.jpg", tag + " empty.bin", tag + " old.txt"), names(list));
        JsonObject listed = list.getJsonArray("items").getJsonObject(0);
        assertEquals(photo.length, listed.getJsonNumber("size").longValue());
        assertEquals(sha256(photo), listed.getString("sha256"));
        assertEquals("image/jpeg", listed.getString("contentType"));
        assertTrue(!listed.containsKey("owner") || listed.isNull("owner"), "nobody owns it before it is adopted");
        assertFalse(listed.getBoolean("mine"));
        assertEquals(old.length, list.getJsonArray("items").getJsonObject(2).getJsonNumber("size").longValue());

        // Over the socket, in segments that begin and end inside 255 KiB and 1000-byte chunks.
        assertArrayEquals(photo, user.client().downloadBytes(photoId.toHexString()));
        assertArrayEquals(old, user.client().downloadBytes(oldId.toHexString()));
        assertArrayEquals(empty, user.client().downloadBytes(emptyId.toHexString()));

        // Over HTTP, whole and in ranges across chunk boundaries.
        assertArrayEquals(photo, content(photoId, null, 200));
        long first = OtherGridFsClients.GRIDFS_CHUNK - 10;
        long last = 4L * OtherGridFsClients.GRIDFS_CHUNK + 7;
        assertArrayEquals(Arrays.copyOfRange(photo, (int) first, (int) last + 1),
                content(photoId, "bytes=" + first + "-" + last, 206));
        assertArrayEquals(Arrays.copyOfRange(photo, photo.length - 100, photo.length),
                content(photoId, "bytes=-100", 206));
        assertArrayEquals(Arrays.copyOfRange(old, 999, 2001), content(oldId, "bytes=999-2000", 206));

        // The broken ones are in no list and no download: 404, never a 5xx, never a byte.
        for (ObjectId broken : List.of(missingChunk, wrongLength, badMd5)) {
            assertEquals(404, api.get("api/files/" + broken.toHexString(), user.bearer()).status());
            assertEquals(404, api.getBytes("api/files/" + broken.toHexString() + "/content",
                    user.bearer()).statusCode());
            TransferRefusedException refused = assertThrows(TransferRefusedException.class,
                    () -> user.client().downloadBytes(broken.toHexString()));
            assertEquals("not_found", refused.error().getString("error"));
        }
        // Nobody owns them yet, so nobody may change them.
        assertEquals(403, api.sendJson("PATCH", "api/files/" + photoId.toHexString(), "{\"name\":\"x.jpg\"}",
                user.bearer()).status());
        assertEquals(403, api.send("DELETE", "api/files/" + oldId.toHexString(),
                java.net.http.HttpRequest.BodyPublishers.noBody(), user.bearer()).status());

        JsonObject again = run("check");
        assertEquals(0, again.getInt("checked"), again::toString);
        assertEquals(0, again.getInt("unreadable"), again::toString);
        assertTrue(unclaimed().contains("ghost-" + tag), () -> bucket().toString());
    }

    @Test
    void adoptionGivesFilesToTheirOwnersOnceAndTheAdminGivesUnclaimedOnes() {
        String owner = user.name();
        byte[] mine = randomBytes(700_001, 6);
        ObjectId mineId = others.pymongoPut(mine, tag + " mine.bin", owner.toUpperCase());
        ObjectId ghostId = others.pymongoPut(randomBytes(1_000, 7), tag + " ghost.bin", "ghost-" + tag);
        long usedBefore = usage(user.bearer());
        long chunksBefore = db.getCollection("fs.chunks").countDocuments(new Document("files_id", mineId));

        JsonObject first = run("adoption");
        assertTrue(first.getInt("adopted") >= 1, first::toString);
        // The activity log says who asked and how many files went to which account.
        String ownerKey = owner.toLowerCase(Locale.ROOT);
        JsonObject firstLogged = logged(api, admin, "FILES_ADOPTED", null,
                detail -> detail.startsWith(first.getInt("adopted") + " file(s) adopted: ")
                        && List.of(detail.substring(detail.indexOf(": ") + 2).split(", ")).contains(ownerKey + " 1"));
        assertTrue(firstLogged.containsKey("address"), firstLogged::toString);
        JsonObject adopted = ok(api.get("api/files/" + mineId.toHexString(), user.bearer())).json();
        assertEquals(owner.toUpperCase(), adopted.getString("owner"));
        assertTrue(adopted.getBoolean("mine"), adopted::toString);
        assertEquals(sha256(mine), adopted.getString("sha256"));
        assertEquals("shared", adopted.getString("visibility"));
        assertEquals(List.of(tag + " mine.bin"), names(ok(api.get("api/files?mine=true", user.bearer())).json()));
        assertEquals(usedBefore + mine.length, usage(user.bearer()));
        assertArrayEquals(mine, user.client().downloadBytes(mineId.toHexString()));
        Document afterFirst = others.fileDocument(mineId);
        assertEquals(owner.toUpperCase(), afterFirst.getString("owner"), "the original owner field stays");

        // The second run changes nothing: not the documents, not the chunks, not the space used.
        JsonObject second = run("adoption");
        assertEquals(0, second.getInt("adopted"), second::toString);
        assertEquals(0, second.getInt("checked"), second::toString);
        logged(api, admin, "FILES_ADOPTED", firstLogged.getString("id"), "0 file(s) adopted"::equals);
        assertEquals(afterFirst, others.fileDocument(mineId));
        assertEquals(chunksBefore, db.getCollection("fs.chunks").countDocuments(new Document("files_id", mineId)));
        assertEquals(usedBefore + mine.length, usage(user.bearer()));

        // An owner with no account is unclaimed until the admin gives their files to one.
        assertTrue(unclaimed().contains("ghost-" + tag), () -> bucket().toString());
        assertFalse(unclaimed().contains(owner.toUpperCase()));
        JsonObject given = ok(api.post("api/admin/bucket/unclaimed/assign",
                "{\"owner\":\"ghost-" + tag + "\",\"account\":\"" + owner + "\"}", Accounts.bearer(admin))).json();
        assertEquals(1, given.getInt("assigned"));
        JsonObject givenLogged = logged(api, admin, "FILES_ASSIGNED", null,
                ("1 file(s) of owner \"ghost-" + tag + "\" given to " + owner)::equals);
        assertEquals(0, ok(api.post("api/admin/bucket/unclaimed/assign",
                "{\"owner\":\"ghost-" + tag + "\",\"account\":\"" + owner + "\"}", Accounts.bearer(admin))).json()
                .getInt("assigned"));
        logged(api, admin, "FILES_ASSIGNED", givenLogged.getString("id"),
                ("0 file(s) of owner \"ghost-" + tag + "\" given to " + owner)::equals);
        assertFalse(unclaimed().contains("ghost-" + tag));
        assertTrue(ok(api.get("api/files/" + ghostId.toHexString(), user.bearer())).json().getBoolean("mine"));
        assertEquals(2, ok(api.get("api/files?mine=true", user.bearer())).json().getInt("total"));
    }

    @Test
    void badRequestsAreRefusedClearlyAndOnlyAdminsMayAsk() {
        String[] asAdmin = Accounts.bearer(admin);
        for (String wait : List.of("-1", "601", "abc", "1.5")) {
            ApiClient.Reply reply = api.post("api/admin/bucket/check?wait=" + wait, "", asAdmin);
            assertEquals(400, reply.status(), reply::toString);
            assertEquals("invalid_query", reply.error());
        }
        for (String body : List.of("{}", "{\"owner\":\"x\"}", "{\"account\":\"  \"}", "null")) {
            ApiClient.Reply reply = api.post("api/admin/bucket/unclaimed/assign", body, asAdmin);
            assertEquals(400, reply.status(), () -> body + " " + reply);
            assertEquals("invalid_assignment", reply.error());
        }
        ApiClient.Reply nobody = api.post("api/admin/bucket/unclaimed/assign",
                "{\"owner\":\"x\",\"account\":\"no-such-" + tag + "\"}", asAdmin);
        assertEquals(404, nobody.status(), nobody::toString);
        assertEquals("no_such_person", nobody.error());
        assertEquals(400, api.post("api/admin/bucket/unclaimed/assign", "{not json", asAdmin).status());

        for (String path : List.of("api/admin/bucket/check", "api/admin/bucket/adoption",
                "api/admin/bucket/unclaimed/assign")) {
            assertEquals(403, api.post(path, "{\"account\":\"x\"}", user.bearer()).status(), path);
            assertEquals(401, api.post(path, "{\"account\":\"x\"}").status(), path);
        }
        assertEquals(403, api.get("api/admin/bucket", user.bearer()).status());
        assertEquals(401, api.get("api/admin/bucket").status());
    }

    // ---------------------------------------------------------------- asking the app

    /** Runs the check or the adoption and waits for its report. */
    private JsonObject run(String what) {
        ApiClient.Reply reply = api.post("api/admin/bucket/" + what + "?wait=300", "", Accounts.bearer(admin));
        assertEquals(200, reply.status(), reply::toString);
        assertFalse(reply.json().containsKey("failure") && !reply.json().isNull("failure"), reply::toString);
        return reply.json();
    }

    /**
     * The newest entry of the activity log of this kind, asked for by the admin, after the entry {@code after}
     * (null: any) whose detail is as told; waited for, as the log is written in batches every second.
     */
    static JsonObject logged(ApiClient api, String adminToken, String kind, String after, Predicate<String> detail) {
        return new FluentWait<>(api).withTimeout(Duration.ofSeconds(30)).pollingEvery(Duration.ofMillis(250))
                .withMessage("the activity log has no such " + kind + " entry by the admin")
                .until(a -> Json.createReader(new StringReader(ok(a.get("api/admin/activity?limit=1000&user=admin&kind="
                                + kind, Accounts.bearer(adminToken))).body())).readArray().stream()
                        .map(JsonValue::asJsonObject)
                        .takeWhile(entry -> after == null
                                || new ObjectId(entry.getString("id")).compareTo(new ObjectId(after)) > 0)
                        .filter(entry -> entry.containsKey("detail") && detail.test(entry.getString("detail")))
                        .findFirst().orElse(null));
    }

    private JsonObject bucket() {
        return ok(api.get("api/admin/bucket", Accounts.bearer(admin))).json();
    }

    /** The unclaimed owners the admin is shown (null for files with no owner). */
    private List<String> unclaimed() {
        return bucket().getJsonArray("unclaimed").stream().map(JsonValue::asJsonObject)
                .map(o -> o.containsKey("owner") && !o.isNull("owner") ? o.getString("owner") : null).toList();
    }

    private long usage(String[] bearer) {
        return ok(api.get("api/files/usage", bearer)).json().getJsonNumber("used").longValue();
    }

    private byte[] content(ObjectId id, String range, int status) {
        HttpResponse<byte[]> response = range == null
                ? api.getBytes("api/files/" + id.toHexString() + "/content", user.bearer())
                : api.getBytes("api/files/" + id.toHexString() + "/content", withRange(range));
        assertEquals(status, response.statusCode());
        return response.body();
    }

    private String[] withRange(String range) {
        String[] bearer = user.bearer();
        String[] headers = Arrays.copyOf(bearer, bearer.length + 2);
        headers[bearer.length] = "Range";
        headers[bearer.length + 1] = range;
        return headers;
    }

    private static ApiClient.Reply ok(ApiClient.Reply reply) {
        assertEquals(200, reply.status(), reply::toString);
        return reply;
    }

    private static List<String> names(JsonObject list) {
        return list.getJsonArray("items").stream().map(v -> v.asJsonObject().getString("name")).toList();
    }

    private static String sha256(byte[] data) {
        return OtherGridFsClients.digest("SHA-256", data);
    }
}
