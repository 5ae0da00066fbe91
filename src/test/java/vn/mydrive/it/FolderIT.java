package vn.mydrive.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.mydrive.it.TransferIT.randomBytes;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URL;
import java.net.http.HttpRequest.BodyPublishers;
import java.util.List;
import java.util.concurrent.CompletableFuture;
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
 * Folders over the API and the transfer socket: files uploaded into them and moved between them, folders moved
 * (never into themselves, even when two moves race), names unique among siblings, only empty folders deleted, and
 * nobody else's folder reachable.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class FolderIT {

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
        alice = DriveUsers.signIn(api, "folders");
        bob = DriveUsers.signIn(api, "neighbour");
    }

    @AfterEach
    void signOut() {
        alice.close();
        bob.close();
    }

    @Test
    void filesAreUploadedIntoFoldersAndListedThere() {
        String photos = create(alice, "Ảnh", null).getString("id");
        JsonObject year = create(alice, "2021", photos);
        assertEquals("Ảnh / 2021", year.getString("path"));

        String file = alice.client().upload(SegmentSource.of(randomBytes(3000, 1)), "Tết.jpg",
                UploadOptions.defaults().inFolder(year.getString("id"))).fileId();

        assertEquals(List.of(file), ids(api.get("api/files?folder=" + year.getString("id"), alice.bearer()).json()));
        assertFalse(ids(api.get("api/files?folder=top", alice.bearer()).json()).contains(file));
        assertEquals(year.getString("id"), api.get("api/files/" + file, alice.bearer()).json().getString("folderId"));
        JsonObject opened = api.get("api/folders/" + photos, alice.bearer()).json();
        assertEquals("2021", opened.getJsonArray("folders").getJsonObject(0).getString("name"));
        assertTrue(api.get("api/folders", alice.bearer()).body().contains("Ảnh"));

        // The same file put in another folder is another file.
        String again = alice.client().upload(SegmentSource.of(randomBytes(3000, 1)), "Tết.jpg",
                UploadOptions.defaults().inFolder(photos)).fileId();
        assertNotEquals(file, again);
        assertEquals(List.of(again), ids(api.get("api/files?folder=" + photos, alice.bearer()).json()));

        // What a folder holds counts its subfolders: Ảnh has its own file and 2021's.
        JsonObject holds = api.get("api/folders/" + photos, alice.bearer()).json();
        assertEquals(2, holds.getJsonNumber("files").longValue(), holds::toString);
        assertEquals(6000, holds.getJsonNumber("bytes").longValue());
        assertEquals(1, holds.getJsonArray("folders").getJsonObject(0).getJsonNumber("files").longValue());
        api.send("DELETE", "api/files/" + again, BodyPublishers.noBody(), alice.bearer());
        assertEquals(1, api.get("api/folders/" + photos, alice.bearer()).json().getJsonNumber("files").longValue(),
                "the trash does not count");
    }

    @Test
    void filesAndFoldersMoveButNeverIntoThemselves() {
        String a = create(alice, "A", null).getString("id");
        String b = create(alice, "B", a).getString("id");
        String c = create(alice, "C", b).getString("id");
        String file = alice.client().upload(SegmentSource.of(randomBytes(500, 2)), "x.txt", UploadOptions.defaults())
                .fileId();

        assertEquals(c, patch(alice, "api/files/" + file, "{\"folderId\":\"" + c + "\"}").json().getString("folderId"));
        assertEquals(List.of(file), ids(api.get("api/files?folder=" + c, alice.bearer()).json()));
        assertFalse(patch(alice, "api/files/" + file, "{\"folderId\":\"\"}").json().containsKey("folderId"),
                "back at the top");

        for (String target : new String[] {a, b, c}) {
            ApiClient.Reply cycle = patch(alice, "api/folders/" + a, "{\"parentId\":\"" + target + "\"}");
            assertEquals(409, cycle.status(), cycle::toString);
            assertEquals("folder_cycle", cycle.error());
        }
        JsonObject moved = patch(alice, "api/folders/" + c, "{\"parentId\":\"\"}").json();
        assertFalse(moved.containsKey("parentId") && !moved.isNull("parentId"), moved::toString);
        assertEquals("C", moved.getString("path"));
        assertEquals("A / B", api.get("api/folders/" + b, alice.bearer()).json().getString("path"));
    }

    @Test
    void twoOppositeMovesAtOnceNeverMakeACycle() {
        for (int round = 0; round < 8; round++) {
            String a = create(alice, "left " + round, null).getString("id");
            String b = create(alice, "right " + round, null).getString("id");
            CompletableFuture<ApiClient.Reply> aIntoB = CompletableFuture.supplyAsync(
                    () -> patch(alice, "api/folders/" + a, "{\"parentId\":\"" + b + "\"}"));
            CompletableFuture<ApiClient.Reply> bIntoA = CompletableFuture.supplyAsync(
                    () -> patch(alice, "api/folders/" + b, "{\"parentId\":\"" + a + "\"}"));
            int first = aIntoB.join().status();
            int second = bIntoA.join().status();

            String aParent = parentOf(a);
            String bParent = parentOf(b);
            assertFalse(b.equals(aParent) && a.equals(bParent), "round " + round + ": each went into the other");
            assertEquals(1, (first == 200 ? 1 : 0) + (second == 200 ? 1 : 0),
                    "round " + round + ": one move wins, the other is refused: " + first + ", " + second);
        }
    }

    @Test
    void siblingNamesAreUniqueAndBadNamesRefused() {
        String top = create(alice, "Tài liệu", null).getString("id");
        assertEquals("folder_exists", post(alice, "{\"name\":\"Tài liệu\"}").error());
        assertEquals(409, post(alice, "{\"name\":\"TÀI LIỆU\"}").status(), "ignoring case");
        assertEquals(201, post(alice, "{\"name\":\"Tài liệu\",\"parentId\":\"" + top + "\"}").status(),
                "the same name in another folder is fine");
        String other = create(alice, "Khác", null).getString("id");
        assertEquals(409, patch(alice, "api/folders/" + other, "{\"name\":\"tài liệu\"}").status());
        assertEquals(201, post(bob, "{\"name\":\"Tài liệu\"}").status(), "another person's drive is theirs");

        for (String body : new String[] {"{\"name\":\"..\"}", "{\"name\":\"a/b\"}", "{\"name\":\"\"}", "{}",
                "{\"name\":\"" + "ế".repeat(100) + "\"}", "{\"name\":\"ta\\u0009b\"}", "{\"name\":{\"$gt\":\"\"}}",
                "{\"name\":\"x\",\"parentId\":\"../../\"}", "not json"}) {
            int status = post(alice, body).status();
            assertTrue(status == 400 || status == 404, body + " -> " + status);
        }
        assertEquals("<img src=x onerror=alert(1)>", create(alice, "<img src=x onerror=alert(1)>", null)
                .getString("name"), "kept as text");
    }

    @Test
    void aDeletedFolderGoesToTheTrashWithWhatItHoldsAndComesBackWithItsFiles() {
        String trip = create(alice, "Sắp xoá", null).getString("id");
        String inner = create(alice, "Ảnh", trip).getString("id");
        String plan = alice.client().upload(SegmentSource.of(randomBytes(700, 3)), "giữ.txt",
                UploadOptions.defaults().inFolder(trip)).fileId();
        String photo = alice.client().upload(SegmentSource.of(randomBytes(800, 4)), "biển.jpg",
                UploadOptions.defaults().inFolder(inner)).fileId();
        long used = api.get("api/files/usage", alice.bearer()).json().getJsonNumber("used").longValue();

        ApiClient.Reply deleted = api.send("DELETE", "api/folders/" + trip, BodyPublishers.noBody(), alice.bearer());
        assertEquals(200, deleted.status(), deleted::toString);
        assertEquals(2, deleted.json().getInt("trashed"));
        assertEquals(404, api.get("api/folders/" + trip, alice.bearer()).status());
        assertEquals(404, api.get("api/folders/" + inner, alice.bearer()).status());
        assertEquals(404, api.get("api/files/" + photo, alice.bearer()).status(), "its files are in the trash");
        assertTrue(ids(api.get("api/trash", alice.bearer()).json()).containsAll(List.of(plan, photo)));
        assertEquals(used, api.get("api/files/usage", alice.bearer()).json().getJsonNumber("used").longValue(),
                "the trash still counts toward the quota");

        // A file restored makes its folders again, by their names; the next one finds them there.
        JsonObject back = api.post("api/trash/" + photo + "/restore", null, alice.bearer()).json();
        String remade = back.getString("folderId");
        JsonObject remadeFolder = api.get("api/folders/" + remade, alice.bearer()).json();
        assertEquals("Sắp xoá / Ảnh", remadeFolder.getString("path"));
        JsonObject planBack = api.post("api/trash/" + plan + "/restore", null, alice.bearer()).json();
        assertEquals(remadeFolder.getString("parentId"), planBack.getString("folderId"), "into the same folder");
        assertTrue(ids(api.get("api/files?folder=" + remade, alice.bearer()).json()).contains(photo));
        assertEquals(1, api.get("api/folders", alice.bearer()).body().split("\"name\":\"Sắp xoá\"", -1).length - 1,
                "made once, not once per file");

        assertEquals(404, delete(bob, "api/folders/" + remadeFolder.getString("parentId")), "nobody else's");
    }

    @Test
    void nobodyElsesFolderCanBeReached() {
        String folder = create(alice, "Riêng", null).getString("id");
        String bobsFile = bob.client().upload(SegmentSource.of(randomBytes(600, 5)), "bob.txt", UploadOptions.defaults())
                .fileId();

        assertEquals(404, api.get("api/folders/" + folder, bob.bearer()).status());
        assertEquals(404, api.get("api/files?folder=" + folder, bob.bearer()).status());
        assertEquals(404, patch(bob, "api/folders/" + folder, "{\"name\":\"mine\"}").status());
        assertEquals(404, delete(bob, "api/folders/" + folder));
        assertEquals(404, post(bob, "{\"name\":\"inside\",\"parentId\":\"" + folder + "\"}").status());
        assertEquals(404, patch(bob, "api/files/" + bobsFile, "{\"folderId\":\"" + folder + "\"}").status());
        TransferRefusedException refused = assertThrows(TransferRefusedException.class, () -> bob.client().upload(
                SegmentSource.of(randomBytes(600, 6)), "in.txt", UploadOptions.defaults().inFolder(folder)));
        assertEquals("not_found", refused.code());
        assertEquals(401, api.get("api/folders").status());
        assertEquals("Riêng", api.get("api/folders/" + folder, alice.bearer()).json().getString("name"), "unchanged");
    }

    private String parentOf(String folder) {
        JsonObject view = api.get("api/folders/" + folder, alice.bearer()).json();
        return view.containsKey("parentId") && !view.isNull("parentId") ? view.getString("parentId") : null;
    }

    private JsonObject create(DriveUsers user, String name, String parentId) {
        String body = parentId == null ? "{\"name\":\"" + name + "\"}"
                : "{\"name\":\"" + name + "\",\"parentId\":\"" + parentId + "\"}";
        ApiClient.Reply created = post(user, body);
        assertEquals(201, created.status(), created::toString);
        return created.json();
    }

    private ApiClient.Reply post(DriveUsers user, String body) {
        return api.send("POST", "api/folders", BodyPublishers.ofString(body), "Authorization", "Bearer " + user.token(),
                "Content-Type", "application/json");
    }

    private ApiClient.Reply patch(DriveUsers user, String path, String body) {
        return api.send("PATCH", path, BodyPublishers.ofString(body), "Authorization", "Bearer " + user.token(),
                "Content-Type", "application/json");
    }

    private int delete(DriveUsers user, String path) {
        return api.send("DELETE", path, BodyPublishers.noBody(), user.bearer()).status();
    }

    private static List<String> ids(JsonObject list) {
        return list.getJsonArray("items").getValuesAs(JsonValue::asJsonObject).stream()
                .map(f -> f.getString("id")).toList();
    }
}
