package vn.mydrive.it;

import static com.mongodb.client.model.Filters.eq;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.mydrive.it.TransferIT.randomBytes;

import com.mongodb.client.MongoClient;
import com.mongodb.client.model.Updates;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.URL;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Arrays;
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
 * Sharing with people by name and with anyone through public links, and the one permission rule behind every way
 * in: owner, named person, everyone signed in, link holder and stranger against each action.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SharingIT {

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

    @BeforeEach
    void signIn() {
        api = new ApiClient(deployment);
        alice = DriveUsers.signIn(api, "alice");
        bob = DriveUsers.signIn(api, "bob");
        carol = DriveUsers.signIn(api, "carol");
    }

    @AfterEach
    void signOut() {
        alice.close();
        bob.close();
        carol.close();
    }

    @Test
    void everyWayInFollowsOneRule() {
        byte[] bytes = randomBytes(3000, 7);
        String id = alice.client().upload(SegmentSource.of(bytes), "plan.txt",
                UploadOptions.defaults().withVisibility("private")).fileId();
        JsonObject shared = share(alice, id, bob.name());
        assertEquals(200, status(shared));
        assertEquals(List.of(bob.name().toLowerCase()), shared.getJsonArray("sharedWith").getValuesAs(
                jakarta.json.JsonString.class).stream().map(jakarta.json.JsonString::getString).toList());
        String token = newLink(alice, id, null, null).getString("token");

        // Seeing: owner and the named person; not carol (signed in, but the file is not shared with everyone).
        for (DriveUsers seer : List.of(alice, bob)) {
            assertEquals(200, api.get("api/files/" + id, seer.bearer()).status());
            assertArrayEquals(bytes, api.getBytes("api/files/" + id + "/content", seer.bearer()).body());
            assertEquals(200, api.getBytes("api/files/" + id + "/preview", seer.bearer()).statusCode());
            assertEquals(200, api.getBytes("api/files/archive?id=" + id, seer.bearer()).statusCode());
            assertArrayEquals(bytes, seer.client().downloadBytes(id));
        }
        assertEquals(404, api.get("api/files/" + id, carol.bearer()).status());
        assertEquals(404, api.getBytes("api/files/" + id + "/content", carol.bearer()).statusCode());
        assertEquals(404, api.getBytes("api/files/" + id + "/preview", carol.bearer()).statusCode());
        assertEquals(404, api.getBytes("api/files/archive?id=" + id, carol.bearer()).statusCode());
        assertEquals("not_found", assertThrows(TransferRefusedException.class,
                () -> carol.client().downloadBytes(id)).code());
        assertEquals(401, api.get("api/files/" + id).status(), "no sign-in, no API");

        // Lists: bob finds it in "Shared with me" and in all files; carol nowhere.
        assertEquals(1, total(bob, "api/files?sharedWithMe=true&name=plan"));
        assertEquals(1, total(bob, "api/files?name=plan"));
        assertEquals(0, total(carol, "api/files?name=plan"));
        assertEquals(0, total(alice, "api/files?sharedWithMe=true&name=plan"), "one's own files are not shared with one");

        // Changing: the owner's alone. A named person is told it is not theirs; carol finds nothing.
        for (String[] action : changes(id, carol.name())) {
            ApiClient.Reply asBob = api.sendJson(action[0], action[1], action[2], bob.bearer());
            assertEquals(403, asBob.status(), () -> Arrays.toString(action) + " -> " + asBob);
            assertEquals("not_owner", asBob.error());
            ApiClient.Reply asCarol = api.sendJson(action[0], action[1], action[2], carol.bearer());
            assertEquals(404, asCarol.status(), () -> Arrays.toString(action) + " -> " + asCarol);
        }
        assertEquals(404, api.get("api/links?file=" + id, carol.bearer()).status());
        assertEquals(403, api.get("api/links?file=" + id, bob.bearer()).status());
        assertEquals(404, api.send("DELETE", "api/links/" + linkId(alice, id), BodyPublishers.noBody(), bob.bearer())
                .status(), "another's link is not found");

        // The link holder: the bytes through the link, nothing else; the token is no key to the API.
        assertArrayEquals(bytes, api.getBytes("api/public/links/" + token + "/content").body());
        assertEquals(401, api.get("api/files/" + id, "Authorization", "Bearer " + token).status());
        assertEquals(404, api.get("api/files/" + token, alice.bearer()).status(), "a token is no file id");
        assertEquals(404, api.getBytes("api/public/links/" + id + "/content").statusCode(), "a file id is no token");

        // Shared with everyone: carol too, still read-only.
        assertEquals(200, api.sendJson("PATCH", "api/files/" + id, "{\"visibility\":\"shared\"}", alice.bearer())
                .status());
        assertArrayEquals(bytes, api.getBytes("api/files/" + id + "/content", carol.bearer()).body());
        assertEquals(403, api.sendJson("PATCH", "api/files/" + id, "{\"name\":\"x.txt\"}", carol.bearer()).status());

        // Unshared and private again: bob is a stranger once more.
        api.sendJson("PATCH", "api/files/" + id, "{\"visibility\":\"private\"}", alice.bearer());
        ApiClient.Reply unshared = api.send("DELETE", "api/files/" + id + "/shares/" + bob.name(),
                BodyPublishers.noBody(), alice.bearer());
        assertEquals(200, unshared.status(), unshared::toString);
        assertEquals(0, unshared.json().getJsonArray("sharedWith").size());
        assertEquals(404, api.get("api/files/" + id, bob.bearer()).status());
        assertEquals(0, total(bob, "api/files?sharedWithMe=true&name=plan"));
        assertEquals("plan.txt", api.get("api/files/" + id, alice.bearer()).json().getString("name"));
    }

    @Test
    void sharingWithPeopleRefusesBadNamesAndChangesNothing() {
        String id = upload(alice, "names.txt");
        for (String name : List.of("nobody-" + System.nanoTime(), "../" + bob.name(), "<b>" + bob.name() + "</b>",
                "x".repeat(5000), "admin\u0000")) {
            JsonObject answer = share(alice, id, name);
            assertEquals(404, status(answer), () -> name + " -> " + answer);
            assertEquals("no_such_person", answer.getString("error"));
        }
        for (String body : List.of("{}", "{\"username\":\"\"}", "{\"username\":7}", "[]", "not json")) {
            ApiClient.Reply reply = api.sendJson("POST", "api/files/" + id + "/shares", body, alice.bearer());
            assertEquals(400, reply.status(), () -> body + " -> " + reply);
        }
        assertEquals(0, share(alice, id, alice.name()).getJsonArray("sharedWith").size(), "not with oneself");
        share(alice, id, bob.name().toUpperCase());
        assertEquals(1, share(alice, id, bob.name()).getJsonArray("sharedWith").size(), "a name in any case, once");
        assertEquals(404, api.get("api/files/" + id, carol.bearer()).status());
    }

    @Test
    void aLinkServesItsFileWithRangesAndCountsWholeDownloads() {
        byte[] bytes = randomBytes(200_000, 11);
        String id = alice.client().upload(SegmentSource.of(bytes), "Ảnh cưới.jpg",
                UploadOptions.defaults().withVisibility("private")).fileId();
        JsonObject link = newLink(alice, id, null, null);
        assertEquals(201, status(link));
        assertEquals(43, link.getString("token").length());
        assertTrue(link.getString("path").endsWith(link.getString("token")));
        String token = link.getString("token");

        JsonObject about = api.get("api/public/links/" + token).json();
        assertEquals("Ảnh cưới.jpg", about.getString("name"));
        assertEquals(bytes.length, about.getJsonNumber("size").longValue());

        HttpResponse<byte[]> whole = api.getBytes("api/public/links/" + token + "/content");
        assertArrayEquals(bytes, whole.body());
        assertEquals("no-store", whole.headers().firstValue("Cache-Control").orElse(null));
        HttpResponse<byte[]> part = api.getBytes("api/public/links/" + token + "/content", "Range", "bytes=1000-1999");
        assertEquals(206, part.statusCode());
        assertArrayEquals(Arrays.copyOfRange(bytes, 1000, 2000), part.body());
        assertEquals(1, links(alice, id).size());
        assertEquals(1, links(alice, id).getJsonObject(0).getJsonNumber("downloads").longValue(),
                "the range request is part of a download, not another one");

        // In the trash, the link gives nothing; restored, it works again. Revoked, it is gone for good.
        api.send("DELETE", "api/files/" + id, BodyPublishers.noBody(), alice.bearer());
        assertEquals(404, api.getBytes("api/public/links/" + token + "/content").statusCode());
        api.post("api/trash/" + id + "/restore", "", alice.bearer());
        assertEquals(200, api.getBytes("api/public/links/" + token + "/content").statusCode());
        assertEquals(204, api.send("DELETE", "api/links/" + link.getString("id"), BodyPublishers.noBody(),
                alice.bearer()).status());
        assertEquals(404, api.getBytes("api/public/links/" + token + "/content").statusCode());
        assertEquals(404, api.get("api/public/links/" + token).status());
    }

    @Test
    void aLinkWithAPasswordIsSlowToGuess() {
        String id = upload(alice, "secret.pdf");
        String token = newLink(alice, id, null, "hai-con-meo-7").getString("token");

        ApiClient.Reply none = api.get("api/public/links/" + token);
        assertEquals(401, none.status());
        assertEquals("link_password", none.error());
        assertEquals(200, api.getBytes("api/public/links/" + token + "/content", "X-Link-Password", "hai-con-meo-7")
                .statusCode(), "the right password opens it");

        ApiClient.Reply wrong = null;
        for (int i = 0; i < 5; i++) {
            wrong = api.get("api/public/links/" + token, "X-Link-Password", "guess" + i);
        }
        assertEquals(401, wrong.status(), wrong.toString());
        ApiClient.Reply locked = api.get("api/public/links/" + token, "X-Link-Password", "guess-again");
        assertEquals(429, locked.status(), locked::toString);
        assertEquals("link_throttled", locked.error());
        assertTrue(Long.parseLong(locked.header("Retry-After")) >= 1);
    }

    @Test
    void expiredLinksAndBadLinkRequestsAreRefused() {
        String id = upload(alice, "soon.txt");
        JsonObject link = newLink(alice, id, Instant.now().plusSeconds(3600).toString(), null);
        assertEquals(201, status(link));
        String token = link.getString("token");
        assertEquals(200, api.get("api/public/links/" + token).status());
        try (MongoClient store = EmbeddedStore.connect()) { // an hour passes, as the store sees it
            store.getDatabase("mydrive").getCollection("fs.links").updateOne(
                    eq("_id", new ObjectId(link.getString("id"))),
                    Updates.set("expiresAt", Date.from(Instant.now().minusSeconds(1))));
        }
        ApiClient.Reply expired = api.get("api/public/links/" + token);
        assertEquals(410, expired.status(), expired::toString);
        assertEquals("link_expired", expired.error());

        for (String[] bad : List.of(
                new String[] {id, Instant.now().minusSeconds(60).toString(), null},
                new String[] {id, "tomorrow", null},
                new String[] {id, null, "p".repeat(129)})) {
            JsonObject answer = newLink(alice, bad[0], bad[1], bad[2]);
            assertEquals(400, status(answer), answer::toString);
        }
        assertEquals(404, status(newLink(bob, id, null, null)), "not bob's file: not found for him");
        assertEquals(404, status(newLink(alice, "../../etc/passwd", null, null)));
        for (String hostile : List.of("..%2F..%2Fetc%2Fpasswd", "%3Cscript%3E", token.substring(1) + "A", id)) {
            assertEquals(404, api.getBytes("api/public/links/" + hostile + "/content").statusCode(), hostile);
        }
        assertEquals(400, api.getBytes("api/public/links/" + "x".repeat(3000) + "/content").statusCode(),
                "a huge token is refused before any lookup");
        assertEquals(1, links(alice, id).size(), "refused links were not made");
    }

    @Test
    void requestsThroughOneLinkAreThrottledPerAddress() {
        String id = upload(alice, "popular.txt");
        String token = newLink(alice, id, null, null).getString("token");
        int status = 0;
        for (int i = 0; i < 200 && status != 429; i++) {
            status = api.send("HEAD", "api/public/links/" + token + "/content", BodyPublishers.noBody()).status();
        }
        assertEquals(429, status, "a flood through one link is slowed (mydrive.link.requests-per-address)");
        assertEquals(200, api.get("api/files/" + id, alice.bearer()).status(), "the owner is not affected");
    }

    private String upload(DriveUsers user, String name) {
        return user.client().upload(SegmentSource.of(randomBytes(1000, name.hashCode())), name,
                UploadOptions.defaults().withVisibility("private")).fileId();
    }

    /** Every change of a file, as method, path and body. */
    private static List<String[]> changes(String id, String someone) {
        return List.of(
                new String[] {"PATCH", "api/files/" + id, "{\"name\":\"taken.txt\"}"},
                new String[] {"PATCH", "api/files/" + id, "{\"visibility\":\"shared\"}"},
                new String[] {"PATCH", "api/files/" + id, "{\"folderId\":\"\"}"},
                new String[] {"POST", "api/files/" + id + "/shares", "{\"username\":\"" + someone + "\"}"},
                new String[] {"DELETE", "api/files/" + id + "/shares/" + someone, null},
                new String[] {"POST", "api/links", "{\"fileId\":\"" + id + "\"}"},
                new String[] {"DELETE", "api/files/" + id, null});
    }

    private JsonObject share(DriveUsers owner, String id, String username) {
        String body = jakarta.json.Json.createObjectBuilder().add("username", username).build().toString();
        return withStatus(api.sendJson("POST", "api/files/" + id + "/shares", body, owner.bearer()));
    }

    private JsonObject newLink(DriveUsers owner, String fileId, String expiresAt, String password) {
        var body = jakarta.json.Json.createObjectBuilder().add("fileId", fileId);
        if (expiresAt != null) {
            body.add("expiresAt", expiresAt);
        }
        if (password != null) {
            body.add("password", password);
        }
        return withStatus(api.sendJson("POST", "api/links", body.build().toString(), owner.bearer()));
    }

    private String linkId(DriveUsers owner, String fileId) {
        return links(owner, fileId).getJsonObject(0).getString("id");
    }

    private JsonArray links(DriveUsers owner, String fileId) {
        ApiClient.Reply reply = api.get("api/links?file=" + fileId, owner.bearer());
        assertEquals(200, reply.status(), reply::toString);
        try (var reader = jakarta.json.Json.createReader(new java.io.StringReader(reply.body()))) {
            return reader.readArray();
        }
    }

    private long total(DriveUsers user, String path) {
        return api.get(path, user.bearer()).json().getJsonNumber("total").longValue();
    }

    /** The reply's JSON object with its HTTP status added, so one value carries both. */
    private static JsonObject withStatus(ApiClient.Reply reply) {
        return jakarta.json.Json.createObjectBuilder(reply.json()).add("status", reply.status()).build();
    }

    private static int status(JsonObject answer) {
        return answer.getInt("status");
    }
}
