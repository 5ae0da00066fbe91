package vn.mydrive.it;

import static com.mongodb.client.model.Filters.eq;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.mydrive.it.TransferIT.randomBytes;

import com.mongodb.client.MongoClient;
import com.mongodb.client.model.Updates;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URL;
import java.net.http.HttpRequest.BodyPublishers;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
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
import vn.mydrive.client.SegmentSource;
import vn.mydrive.client.TransferClient.TransferRefusedException;
import vn.mydrive.client.TransferClient.UploadOptions;
import vn.mydrive.testkit.ApiClient;

/**
 * Delete moves a file to its owner's trash: it leaves every list and link at once and keeps counting toward the
 * quota; its owner restores it as it was, deletes it for good, or empties the trash; nobody else reaches it; and
 * the timer deletes for good what stayed longer than the retention (aged here through the store's own port).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class TrashIT {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.builtWar();
    }

    @ArquillianResource
    URL deployment;

    private ApiClient api;
    private DriveUsers alice;
    private DriveUsers bob;

    @BeforeEach
    void signIn() {
        api = new ApiClient(deployment);
        alice = DriveUsers.signIn(api, "trash");
        bob = DriveUsers.signIn(api, "other");
    }

    @AfterEach
    void signOut() {
        alice.close();
        bob.close();
    }

    @Test
    void aTrashedFileLeavesEveryListAndComesBackAsItWas() {
        byte[] data = randomBytes(3000, 11);
        String id = alice.client().upload(SegmentSource.of(data), "Kế hoạch.txt", UploadOptions.defaults()).fileId();
        long used = usage(alice);

        assertEquals(204, delete(alice, "api/files/" + id));

        assertEquals(404, api.get("api/files/" + id, alice.bearer()).status());
        assertEquals(404, api.get("api/files/" + id, bob.bearer()).status());
        assertEquals(404, api.getBytes("api/files/" + id + "/content", alice.bearer()).statusCode());
        assertEquals("not_found", assertThrows(TransferRefusedException.class,
                () -> alice.client().downloadBytes(id)).code(), "nor over the transfer socket");
        assertFalse(ids(api.get("api/files?mine=true", alice.bearer()).json()).contains(id));
        assertFalse(ids(api.get("api/files", bob.bearer()).json()).contains(id));
        assertEquals(used, usage(alice), "a file in the trash still counts toward the quota");
        JsonObject trashed = only(api.get("api/trash", alice.bearer()).json(), id);
        assertEquals("Kế hoạch.txt", trashed.getString("name"));
        assertTrue(Instant.parse(trashed.getString("trashedAt")).isAfter(Instant.now().minus(Duration.ofHours(1))));
        assertEquals(404, delete(alice, "api/files/" + id), "it is not in the drive any more");

        // Another account finds nothing of it, and changes nothing.
        assertFalse(ids(api.get("api/trash", bob.bearer()).json()).contains(id));
        assertEquals(404, api.post("api/trash/" + id + "/restore", null, bob.bearer()).status());
        assertEquals(404, delete(bob, "api/trash/" + id));
        assertEquals(1, api.get("api/trash", alice.bearer()).json().getJsonNumber("total").longValue());

        ApiClient.Reply restored = api.post("api/trash/" + id + "/restore", null, alice.bearer());
        assertEquals(200, restored.status(), restored::toString);
        assertEquals("Kế hoạch.txt", restored.json().getString("name"));
        assertEquals("shared", restored.json().getString("visibility"));
        assertFalse(restored.json().containsKey("trashedAt") && !restored.json().isNull("trashedAt"));
        assertTrue(ids(api.get("api/files", bob.bearer()).json()).contains(id));
        assertArrayEquals(data, api.getBytes("api/files/" + id + "/content", bob.bearer()).body());
        assertEquals(0, api.get("api/trash", alice.bearer()).json().getJsonNumber("total").longValue());
        assertEquals(404, api.post("api/trash/" + id + "/restore", null, alice.bearer()).status(),
                "restoring twice finds nothing the second time");
    }

    @Test
    void deletingForGoodAndEmptyingTheTrashGiveTheBytesBack() {
        String first = alice.client().upload(SegmentSource.of(randomBytes(4000, 1)), "one.bin", UploadOptions.defaults())
                .fileId();
        String second = alice.client().upload(SegmentSource.of(randomBytes(6000, 2)), "two.bin", UploadOptions.defaults())
                .fileId();
        assertEquals(10_000, usage(alice));
        assertEquals(204, delete(alice, "api/files/" + first));
        assertEquals(204, delete(alice, "api/files/" + second));

        assertEquals(404, delete(alice, "api/trash/" + new ObjectId().toHexString()));
        assertEquals(204, delete(alice, "api/trash/" + first));
        assertEquals(6000, usage(alice));
        assertEquals(404, api.post("api/trash/" + first + "/restore", null, alice.bearer()).status());

        ApiClient.Reply emptied = api.send("DELETE", "api/trash", BodyPublishers.noBody(), alice.bearer());
        assertEquals(200, emptied.status(), emptied::toString);
        assertEquals(1, emptied.json().getInt("deleted"));
        assertEquals(0, usage(alice));
        assertEquals(0, api.get("api/trash", alice.bearer()).json().getJsonNumber("total").longValue());
        assertEquals(0, api.send("DELETE", "api/trash", BodyPublishers.noBody(), alice.bearer()).json().getInt("deleted"));
    }

    @Test
    void uploadingATrashedFileAgainMakesANewFile() {
        byte[] data = randomBytes(2500, 5);
        String id = alice.client().upload(SegmentSource.of(data), "again.bin", UploadOptions.defaults()).fileId();
        assertEquals(204, delete(alice, "api/files/" + id));

        String again = alice.client().upload(SegmentSource.of(data), "again.bin", UploadOptions.defaults()).fileId();

        assertNotEquals(id, again, "the trashed file is not handed back as the upload's result");
        assertEquals(200, api.get("api/files/" + again, alice.bearer()).status());
        assertTrue(ids(api.get("api/trash", alice.bearer()).json()).contains(id));
    }

    @Test
    void filesKeptLongerThanTheRetentionAreDeletedForGoodByTheTimer() throws Exception {
        String old = alice.client().upload(SegmentSource.of(randomBytes(7000, 3)), "old.bin", UploadOptions.defaults())
                .fileId();
        String recent = alice.client().upload(SegmentSource.of(randomBytes(3000, 4)), "recent.bin",
                UploadOptions.defaults()).fileId();
        assertEquals(204, delete(alice, "api/files/" + old));
        assertEquals(204, delete(alice, "api/files/" + recent));
        ageInTheStore(old, Duration.ofDays(31));

        // A purge removes the file, then its chunks, then gives its bytes back: done when both show.
        long deadline = System.nanoTime() + WAIT.toNanos();
        while ((ids(api.get("api/trash", alice.bearer()).json()).contains(old) || usage(alice) != 3000)
                && System.nanoTime() < deadline) {
            Thread.sleep(300); // the purge timer runs every few seconds in the test configuration
        }

        List<String> left = ids(api.get("api/trash", alice.bearer()).json());
        assertFalse(left.contains(old), "a file trashed 31 days ago is purged");
        assertTrue(left.contains(recent), "a file trashed just now stays");
        assertEquals(3000, usage(alice), "the purged file's bytes are given back");
    }

    @Test
    void aDeletedFolderIsOneItemOfTheTrashRestoredOrDeletedWithItsFiles() {
        String trip = alice.makeFolder("Huế", null);
        String day = alice.makeFolder("Ngày 2", trip);
        String plan = alice.client().upload(SegmentSource.of(randomBytes(3000, 11)), "kế hoạch.txt",
                UploadOptions.defaults().inFolder(trip)).fileId();
        String photo = alice.client().upload(SegmentSource.of(randomBytes(5000, 12)), "đại nội.jpg",
                UploadOptions.defaults().inFolder(day)).fileId();
        String loose = alice.client().upload(SegmentSource.of(randomBytes(700, 13)), "rời.txt",
                UploadOptions.defaults()).fileId();
        assertEquals(204, delete(alice, "api/files/" + loose));
        assertEquals(200, delete(alice, "api/folders/" + trip));

        // One item for the folder, with what went with it; the files deleted on their own beside it.
        List<JsonObject> gone = folders(alice);
        assertEquals(1, gone.size(), gone::toString);
        JsonObject huế = gone.get(0);
        assertEquals("Huế", huế.getString("name"));
        assertEquals(2, huế.getInt("files"));
        assertEquals(8000, huế.getJsonNumber("bytes").longValue());
        String deleted = huế.getString("id");
        assertEquals(List.of(loose), ids(api.get("api/trash?deletedFolder=none", alice.bearer()).json()));
        assertEquals(java.util.Set.of(plan, photo),
                java.util.Set.copyOf(ids(api.get("api/trash?deletedFolder=" + deleted, alice.bearer()).json())));
        assertEquals(3, ids(api.get("api/trash", alice.bearer()).json()).size(), "all of it, as before");
        assertEquals(8700, usage(alice), "the trash counts toward the quota");

        // Nobody else's: another account, or ids that are no deleted folder, find nothing and change nothing.
        assertEquals(List.of(), folders(bob));
        assertEquals(404, api.post("api/trash/folders/" + deleted + "/restore", null, bob.bearer()).status());
        assertEquals(404, delete(bob, "api/trash/folders/" + deleted));
        for (String target : new String[] {"not-an-id", new ObjectId().toHexString(), plan, "%2e%2e%2f" + deleted}) {
            int status = api.post("api/trash/folders/" + target + "/restore", null, alice.bearer()).status();
            assertTrue(status == 404 || status == 400, target + " -> " + status);
        }
        assertEquals(404, api.get("api/trash?deletedFolder=not-an-id", alice.bearer()).status());
        assertEquals(1, folders(alice).size());

        // Restored: the folders are made again and every file is back where it was.
        ApiClient.Reply restored = api.post("api/trash/folders/" + deleted + "/restore", null, alice.bearer());
        assertEquals(200, restored.status(), restored::toString);
        assertEquals(2, restored.json().getInt("files"));
        assertEquals(List.of(), folders(alice));
        JsonObject back = api.get("api/files/" + photo, alice.bearer()).json();
        JsonObject folderNow = api.get("api/folders/" + back.getString("folderId"), alice.bearer()).json();
        assertEquals("Huế / Ngày 2", folderNow.getString("path"), folderNow::toString);
        assertEquals(404, api.post("api/trash/folders/" + deleted + "/restore", null, alice.bearer()).status(),
                "restored once");

        // Deleted again, then for good: the bytes come back, the file deleted on its own stays in the trash.
        String again = api.get("api/files/" + plan, alice.bearer()).json().getString("folderId");
        assertEquals(200, delete(alice, "api/folders/" + again));
        String second = folders(alice).get(0).getString("id");
        ApiClient.Reply erased = api.send("DELETE", "api/trash/folders/" + second, BodyPublishers.noBody(),
                alice.bearer());
        assertEquals(200, erased.status(), erased::toString);
        assertEquals(2, erased.json().getInt("files"));
        assertEquals(700, usage(alice));
        assertEquals(404, api.get("api/files/" + photo, alice.bearer()).status());
        assertEquals(List.of(loose), ids(api.get("api/trash", alice.bearer()).json()));
        assertEquals(401, api.get("api/trash/folders").status());
    }

    private List<JsonObject> folders(DriveUsers user) {
        ApiClient.Reply reply = api.get("api/trash/folders", user.bearer());
        assertEquals(200, reply.status(), reply::toString);
        try (var reader = jakarta.json.Json.createReader(new java.io.StringReader(reply.body()))) {
            return reader.readArray().getValuesAs(JsonValue::asJsonObject);
        }
    }

    @Test
    void badTrashRequestsAreRefusedAndChangeNothing() {
        String id = alice.client().upload(SegmentSource.of(randomBytes(1000, 6)), "kept.bin", UploadOptions.defaults())
                .fileId();
        assertEquals(204, delete(alice, "api/files/" + id));
        for (String target : new String[] {"..", "%2e%2e%2f" + id, "not-an-id", id + "x", "%00", "a".repeat(300)}) {
            int restore = api.post("api/trash/" + target + "/restore", null, alice.bearer()).status();
            assertTrue(restore == 404 || restore == 400, target + " -> " + restore);
            int forever = delete(alice, "api/trash/" + target);
            assertTrue(forever == 404 || forever == 400 || forever == 405, target + " -> " + forever);
        }
        for (String query : new String[] {"page=-1", "size=0", "size=201", "page=x", "size=99999999999"}) {
            assertEquals(400, api.get("api/trash?" + query, alice.bearer()).status(), query);
        }
        assertEquals(401, api.get("api/trash").status());
        assertEquals(401, api.send("DELETE", "api/trash", BodyPublishers.noBody()).status());
        assertEquals(401, api.send("DELETE", "api/trash", BodyPublishers.noBody(), "Authorization",
                "Bearer " + ForgedTokens.unsigned(ForgedTokens.claims(alice.name()).build())).status());

        assertTrue(ids(api.get("api/trash", alice.bearer()).json()).contains(id), "the trash is as it was");
    }

    /** Moves the file's trash date back, as if it had been in the trash that long. */
    private static void ageInTheStore(String id, Duration age) {
        try (MongoClient store = EmbeddedStore.connect()) {
            long changed = store.getDatabase("mydrive").getCollection("fs.files").updateOne(
                    eq("_id", new ObjectId(id)),
                    Updates.set("metadata.trashedAt", Date.from(Instant.now().minus(age)))).getModifiedCount();
            assertEquals(1, changed);
        }
    }

    private int delete(DriveUsers user, String path) {
        return api.send("DELETE", path, BodyPublishers.noBody(), user.bearer()).status();
    }

    private long usage(DriveUsers user) {
        return api.get("api/files/usage", user.bearer()).json().getJsonNumber("used").longValue();
    }

    private static List<String> ids(JsonObject list) {
        return list.getJsonArray("items").getValuesAs(JsonValue::asJsonObject).stream()
                .map(f -> f.getString("id")).toList();
    }

    private static JsonObject only(JsonObject list, String id) {
        return list.getJsonArray("items").getValuesAs(JsonValue::asJsonObject).stream()
                .filter(f -> f.getString("id").equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError(id + " is not in " + list));
    }
}
