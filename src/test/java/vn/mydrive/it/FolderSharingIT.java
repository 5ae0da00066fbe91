package vn.mydrive.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.mydrive.it.TransferIT.randomBytes;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.URL;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
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
 * A folder shared by name (to view, or to add files) and by public link: everything in it and below it follows,
 * nothing above or beside it does; owner, person who may add, person who may view, link holder and stranger
 * against each action.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class FolderSharingIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.builtWar();
    }

    @ArquillianResource
    URL deployment;

    private ApiClient api;
    private DriveUsers alice;
    private DriveUsers bob;
    private DriveUsers carol;
    private DriveUsers dave;

    @BeforeEach
    void signIn() {
        api = new ApiClient(deployment);
        alice = DriveUsers.signIn(api, "alice");
        bob = DriveUsers.signIn(api, "bob");
        carol = DriveUsers.signIn(api, "carol");
        dave = DriveUsers.signIn(api, "dave");
    }

    @AfterEach
    void signOut() {
        for (DriveUsers user : List.of(alice, bob, carol, dave)) {
            user.close();
        }
    }

    @Test
    void aSharedFolderGivesWhatIsInItAndBelowItByOneRule() throws IOException {
        String project = alice.makeFolder("Dự án", null);
        String photos = alice.makeFolder("Ảnh", project);
        String elsewhere = alice.makeFolder("Riêng", null);
        byte[] planBytes = randomBytes(5000, 1);
        byte[] photoBytes = randomBytes(7000, 2);
        String plan = upload(alice, planBytes, "plan.txt", project);
        String photo = upload(alice, photoBytes, "tết.jpg", photos);
        String hidden = upload(alice, randomBytes(100, 3), "riêng.txt", elsewhere);

        assertEquals(200, shareFolder(alice, project, bob.name(), false).status());
        assertEquals(200, shareFolder(alice, project, carol.name(), true).status());
        JsonObject owned = api.get("api/folders/" + project, alice.bearer()).json();
        assertEquals("owner", owned.getString("access"));
        assertEquals(2, owned.getJsonArray("people").size());
        assertTrue(owned.getJsonArray("people").getValuesAs(JsonObject.class).stream()
                .anyMatch(p -> p.getString("username").equals(carol.name().toLowerCase()) && p.getBoolean("canAdd")));

        // Bob may view: it is in his "Shared with me", with what is in it and below it; the path starts at the share.
        List<JsonObject> bobs = array(api.get("api/folders?sharedWithMe=true", bob.bearer()));
        assertEquals(List.of("Dự án"), bobs.stream().map(f -> f.getString("name")).toList());
        assertEquals("view", bobs.get(0).getString("access"));
        assertFalse(bobs.get(0).containsKey("people"), "who else has it is the owner's to see");
        JsonObject sub = api.get("api/folders/" + photos, bob.bearer()).json();
        assertEquals("Dự án / Ảnh", sub.getString("path"));
        assertEquals(1, total(bob, "api/files?folder=" + photos));
        assertArrayEquals(photoBytes, api.getBytes("api/files/" + photo + "/content", bob.bearer()).body());
        assertArrayEquals(planBytes, bob.client().downloadBytes(plan));
        Map<String, byte[]> zip = ZipDownloadIT.unzip(api.getBytes("api/folders/" + project + "/archive",
                bob.bearer()).body());
        assertArrayEquals(photoBytes, zip.get("Dự án/Ảnh/tết.jpg"), zip.keySet()::toString);
        assertEquals("read_only_folder", assertThrows(TransferRefusedException.class,
                () -> upload(bob, randomBytes(10, 4), "mine.txt", photos)).code());
        ApiClient.Reply intoIt = api.sendJson("PATCH", "api/files/" + upload(bob, randomBytes(10, 5), "b.txt", null),
                "{\"folderId\":\"" + project + "\"}", bob.bearer());
        assertEquals(403, intoIt.status(), intoIt::toString);
        assertEquals("read_only_folder", intoIt.error());

        // Nothing beside it; and the folder itself is the owner's to change.
        for (DriveUsers guest : List.of(bob, carol)) {
            assertEquals(404, api.get("api/folders/" + elsewhere, guest.bearer()).status());
            assertEquals(404, api.get("api/files/" + hidden, guest.bearer()).status());
            for (String[] change : folderChanges(project, dave.name())) {
                ApiClient.Reply reply = api.sendJson(change[0], change[1], change[2], guest.bearer());
                assertEquals(404, reply.status(), () -> String.join(" ", change) + " -> " + reply);
            }
            assertEquals(403, api.sendJson("PATCH", "api/files/" + plan, "{\"name\":\"x.txt\"}", guest.bearer())
                    .status(), "a file in a shared folder stays its owner's to change");
        }

        // Carol may add: her file lands in alice's folder, stays hers, and everyone the folder is shared with sees it.
        byte[] carolsBytes = randomBytes(3000, 6);
        String carols = upload(carol, carolsBytes, "carol.txt", photos);
        JsonObject carolsFile = api.get("api/files/" + carols, alice.bearer()).json();
        assertEquals(carol.name(), carolsFile.getString("owner"));
        assertEquals(2, total(alice, "api/files?folder=" + photos));
        assertEquals(2, total(bob, "api/files?folder=" + photos));
        // The folder's size counts what was added to it, for its owner and for those it is shared with.
        JsonObject projectNow = api.get("api/folders/" + project, alice.bearer()).json();
        assertEquals(3, projectNow.getInt("files"), projectNow::toString);
        assertEquals(planBytes.length + photoBytes.length + carolsBytes.length,
                projectNow.getJsonNumber("bytes").longValue());
        JsonObject photosForBob = api.get("api/folders/" + photos, bob.bearer()).json();
        assertEquals(2, photosForBob.getInt("files"), photosForBob::toString);
        assertArrayEquals(carolsBytes, api.getBytes("api/files/" + carols + "/content", bob.bearer()).body());
        assertEquals(403, api.sendJson("PATCH", "api/files/" + carols, "{\"name\":\"y.txt\"}", alice.bearer())
                .status(), "the folder's owner does not rename what others added");

        // Dave, a stranger, finds none of it, whichever way he comes.
        assertEquals(List.of(), array(api.get("api/folders?sharedWithMe=true", dave.bearer())));
        assertEquals(404, api.get("api/folders/" + project, dave.bearer()).status());
        assertEquals(404, api.get("api/files?folder=" + photos, dave.bearer()).status());
        assertEquals(404, api.get("api/files/" + photo, dave.bearer()).status());
        assertEquals(404, api.getBytes("api/folders/" + project + "/archive", dave.bearer()).statusCode());
        assertEquals("not_found", assertThrows(TransferRefusedException.class,
                () -> dave.client().downloadBytes(photo)).code());
        assertEquals("not_found", assertThrows(TransferRefusedException.class,
                () -> upload(dave, randomBytes(10, 7), "d.txt", photos)).code());

        // Sharing again changes what a person may do; unsharing ends it at once.
        shareFolder(alice, project, carol.name(), false);
        assertEquals("read_only_folder", assertThrows(TransferRefusedException.class,
                () -> upload(carol, randomBytes(10, 8), "late.txt", photos)).code());
        assertEquals(200, api.send("DELETE", "api/folders/" + project + "/shares/" + bob.name(),
                BodyPublishers.noBody(), alice.bearer()).status());
        assertEquals(404, api.get("api/folders/" + photos, bob.bearer()).status());
        assertEquals(404, api.get("api/files/" + photo, bob.bearer()).status());
        assertEquals(List.of(), array(api.get("api/folders?sharedWithMe=true", bob.bearer())));

        // Deleting the folder takes carol's file to carol's trash, not alice's.
        assertEquals(200, api.send("DELETE", "api/folders/" + project, BodyPublishers.noBody(), alice.bearer())
                .status());
        assertTrue(api.get("api/trash", carol.bearer()).body().contains(carols));
        // In her trash it is the folder she added to, one item, as she would look for it.
        assertTrue(api.get("api/trash/folders", carol.bearer()).body().contains("\"name\":\"Dự án\""),
                () -> api.get("api/trash/folders", carol.bearer()).body());
        assertFalse(api.get("api/trash", alice.bearer()).body().contains(carols));
    }

    @Test
    void sharingAFolderRefusesBadRequestsAndChangesNothing() {
        String folder = alice.makeFolder("Chung", null);
        for (String body : List.of("{}", "{\"username\":\"\"}", "{\"username\":null}", "[]", "not json")) {
            ApiClient.Reply reply = api.sendJson("POST", "api/folders/" + folder + "/shares", body, alice.bearer());
            assertEquals(400, reply.status(), () -> body + " -> " + reply);
        }
        for (String who : List.of("nobody-" + System.nanoTime(), "<script>alert(1)</script>", "../../etc",
                "x".repeat(5000))) {
            ApiClient.Reply reply = shareFolder(alice, folder, who, true);
            assertEquals(404, reply.status(), () -> who + " -> " + reply);
            assertEquals("no_such_person", reply.error());
        }
        assertEquals(404, shareFolder(alice, "not-an-id", bob.name(), false).status());
        assertEquals(404, shareFolder(alice, "../" + folder, bob.name(), false).status());
        assertEquals(200, shareFolder(alice, folder, alice.name(), true).status(), "one's own folder: no change");
        assertTrue(api.get("api/folders/" + folder, alice.bearer()).json().getJsonArray("people").isEmpty());
    }

    @Test
    void aFolderLinkOpensOnlyWhatIsInsideIt() throws IOException {
        String shared = alice.makeFolder("Chia sẻ", null);
        String child = alice.makeFolder("Con", shared);
        String beside = alice.makeFolder("Bên cạnh", null);
        byte[] topBytes = randomBytes(4000, 11);
        byte[] childBytes = randomBytes(6000, 12);
        String top = upload(alice, topBytes, "một.txt", shared);
        String inChild = upload(alice, childBytes, "hai.txt", child);
        String outside = upload(alice, randomBytes(100, 13), "ba.txt", beside);
        String atTop = upload(alice, randomBytes(100, 14), "bốn.txt", null);

        ApiClient.Reply made = api.post("api/links", "{\"folderId\":\"" + shared + "\"}", alice.bearer());
        assertEquals(201, made.status(), made::toString);
        assertEquals(shared, made.json().getString("folderId"));
        assertFalse(made.json().containsKey("fileId"));
        String token = made.json().getString("token");
        String link = "api/public/links/" + token;

        JsonObject root = api.get(link).json();
        assertEquals("folder", root.getString("kind"));
        assertEquals("Chia sẻ", root.getString("path"));
        assertEquals(List.of("Con"), names(root, "folders"));
        assertEquals(List.of("một.txt"), names(root, "files"));
        JsonObject below = api.get(link + "?folder=" + child).json();
        assertEquals("Chia sẻ / Con", below.getString("path"));
        assertEquals(List.of("hai.txt"), names(below, "files"));

        assertArrayEquals(childBytes, api.getBytes(link + "/files/" + inChild + "/content").body());
        HttpResponse<byte[]> part = api.getBytes(link + "/files/" + top + "/content", "Range", "bytes=10-19");
        assertEquals(206, part.statusCode());
        assertArrayEquals(java.util.Arrays.copyOfRange(topBytes, 10, 20), part.body());
        Map<String, byte[]> zip = ZipDownloadIT.unzip(api.getBytes(link + "/archive").body());
        assertArrayEquals(childBytes, zip.get("Chia sẻ/Con/hai.txt"), zip.keySet()::toString);
        assertEquals(2, zip.size(), zip.keySet()::toString);

        // Nothing above or beside it, by any id.
        for (String path : List.of(link + "?folder=" + beside, link + "?folder=../" + shared, link + "?folder=x",
                link + "/files/" + outside + "/content", link + "/files/" + atTop + "/content",
                link + "/files/../../files/" + outside + "/content", link + "/archive?folder=" + beside,
                link + "/content")) {
            assertEquals(404, api.getBytes(path).statusCode(), path);
        }
        assertEquals(401, api.get("api/folders/" + shared, "Authorization", "Bearer " + token).status());
        assertEquals(404, api.post("api/links", "{\"folderId\":\"" + shared + "\"}", bob.bearer()).status(),
                "only the owner makes links to a folder");
        assertEquals(400, api.post("api/links", "{\"folderId\":\"" + shared + "\",\"fileId\":\"" + top + "\"}",
                alice.bearer()).status(), "a link is to one thing");

        // The owner sees its downloads; a file moved to the trash is gone from it; revoked, it is gone entirely.
        List<JsonObject> links = array(api.get("api/links?folder=" + shared, alice.bearer()));
        assertEquals(1, links.size());
        assertEquals(2, links.get(0).getJsonNumber("downloads").longValue(), "one whole file and the zip: "
                + links);
        assertEquals(204, api.send("DELETE", "api/files/" + top, BodyPublishers.noBody(), alice.bearer()).status());
        assertEquals(404, api.getBytes(link + "/files/" + top + "/content").statusCode());
        assertEquals(204, api.send("DELETE", "api/links/" + links.get(0).getString("id"), BodyPublishers.noBody(),
                alice.bearer()).status());
        assertEquals(404, api.get(link).status());
        assertEquals(404, api.getBytes(link + "/files/" + inChild + "/content").statusCode());
    }

    private String upload(DriveUsers user, byte[] bytes, String name, String folderId) {
        UploadOptions options = UploadOptions.defaults().withVisibility("private");
        return user.client().upload(SegmentSource.of(bytes), name,
                folderId == null ? options : options.inFolder(folderId)).fileId();
    }

    private ApiClient.Reply shareFolder(DriveUsers owner, String folderId, String username, boolean canAdd) {
        String body = Json.createObjectBuilder().add("username", username).add("canAdd", canAdd).build().toString();
        return api.sendJson("POST", "api/folders/" + folderId + "/shares", body, owner.bearer());
    }

    /** Every change of a folder that only its owner may make, as method, path and body. */
    private static List<String[]> folderChanges(String id, String someone) {
        return List.of(
                new String[] {"PATCH", "api/folders/" + id, "{\"name\":\"Của tôi\"}"},
                new String[] {"PATCH", "api/folders/" + id, "{\"parentId\":\"\"}"},
                new String[] {"POST", "api/folders/" + id + "/shares", "{\"username\":\"" + someone + "\"}"},
                new String[] {"DELETE", "api/folders/" + id + "/shares/" + someone, null},
                new String[] {"POST", "api/links", "{\"folderId\":\"" + id + "\"}"},
                new String[] {"GET", "api/links?folder=" + id, null},
                new String[] {"POST", "api/folders", "{\"name\":\"Mới\",\"parentId\":\"" + id + "\"}"},
                new String[] {"DELETE", "api/folders/" + id, null});
    }

    private long total(DriveUsers user, String path) {
        ApiClient.Reply reply = api.get(path, user.bearer());
        assertEquals(200, reply.status(), reply::toString);
        return reply.json().getJsonNumber("total").longValue();
    }

    private static List<JsonObject> array(ApiClient.Reply reply) {
        assertEquals(200, reply.status(), reply::toString);
        try (var reader = Json.createReader(new StringReader(reply.body()))) {
            return reader.readArray().getValuesAs(JsonObject.class);
        }
    }

    private static List<String> names(JsonObject folder, String key) {
        return folder.getJsonArray(key).getValuesAs(JsonObject.class).stream().map(e -> e.getString("name")).toList();
    }
}
