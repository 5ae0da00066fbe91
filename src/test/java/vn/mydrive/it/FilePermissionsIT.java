package vn.mydrive.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.mydrive.it.TransferIT.randomBytes;

import jakarta.json.JsonObject;
import java.net.URL;
import java.net.http.HttpRequest.BodyPublishers;
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

/** Shared files are everyone's to read, private ones their owner's alone; only owners change files. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class FilePermissionsIT {

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
        alice = DriveUsers.signIn(api, "alice");
        bob = DriveUsers.signIn(api, "bob");
    }

    @AfterEach
    void signOut() {
        alice.close();
        bob.close();
    }

    @Test
    void aPrivateFileIsInvisibleToOthersEverywhere() {
        String id = upload(alice, "diary.txt", UploadOptions.defaults().withVisibility("private"));

        assertEquals(0, totalFor(bob, "api/files?name=diary"));
        assertEquals(404, api.get("api/files/" + id, bob.bearer()).status());
        assertEquals(404, api.getBytes("api/files/" + id + "/content", bob.bearer()).statusCode());
        TransferRefusedException refused = assertThrows(TransferRefusedException.class,
                () -> bob.client().downloadBytes(id));
        assertEquals("not_found", refused.code());

        assertEquals(1, totalFor(alice, "api/files?name=diary"));
        assertEquals(200, api.get("api/files/" + id, alice.bearer()).status());

        // Bob following the direct link in his browser gets a page with a way back, not the API's JSON.
        String[] browser = java.util.stream.Stream.concat(java.util.Arrays.stream(bob.bearer()),
                java.util.stream.Stream.of("Accept", "text/html,application/xhtml+xml,*/*;q=0.8")).toArray(String[]::new);
        ApiClient.Reply page = api.get("api/files/" + id + "/content", browser);
        assertEquals(404, page.status());
        assertTrue(page.header("Content-Type").startsWith("text/html"), page::toString);
        assertTrue(page.body().contains("/app/drive.xhtml\">"), page::body);
        assertFalse(page.body().contains("\"error\""), page::body);
    }

    @Test
    void aSharedFileIsReadableByAllButChangedOnlyByItsOwner() {
        String id = upload(alice, "shared.txt", UploadOptions.defaults());

        assertEquals(200, api.getBytes("api/files/" + id + "/content", bob.bearer()).statusCode());
        ApiClient.Reply rename = patch(bob, id, "{\"name\":\"mine now.txt\"}");
        assertEquals(403, rename.status(), rename::toString);
        assertEquals("not_owner", rename.error());
        assertEquals(403, patch(bob, id, "{\"visibility\":\"private\"}").status());
        assertEquals(403, api.send("DELETE", "api/files/" + id, BodyPublishers.noBody(), bob.bearer()).status());
        assertEquals("shared.txt", api.get("api/files/" + id, alice.bearer()).json().getString("name"));
    }

    @Test
    void theOwnerRenamesResharesAndDeletes() {
        String id = upload(alice, "draft.txt", UploadOptions.defaults());

        JsonObject renamed = patch(alice, id, "{\"name\":\"Báo cáo cuối.txt\"}").json();
        assertEquals("Báo cáo cuối.txt", renamed.getString("name"));
        assertEquals("private", patch(alice, id, "{\"visibility\":\"private\"}").json().getString("visibility"));
        assertEquals(404, api.get("api/files/" + id, bob.bearer()).status());
        assertEquals("shared", patch(alice, id, "{\"visibility\":\"shared\"}").json().getString("visibility"));
        assertEquals(200, api.get("api/files/" + id, bob.bearer()).status());

        assertEquals(204, api.send("DELETE", "api/files/" + id, BodyPublishers.noBody(), alice.bearer()).status());

        assertEquals(404, api.get("api/files/" + id, alice.bearer()).status());
        assertEquals(404, api.getBytes("api/files/" + id + "/content", alice.bearer()).statusCode());
        assertEquals(204, api.send("DELETE", "api/trash/" + id, BodyPublishers.noBody(), alice.bearer()).status());
        assertEquals(0, usage(alice), "deleting for good gives the bytes back to the quota");
    }

    @Test
    void badRenamesAreRefusedAndChangeNothing() {
        String id = upload(alice, "keep.txt", UploadOptions.defaults());

        for (String body : new String[] {"{\"name\":\"../../etc/passwd\"}", "{\"name\":\"a/b\"}", "{\"name\":\"..\"}",
                "{\"name\":\"\"}", "{\"name\":\"" + "é".repeat(200) + "\"}", "{\"name\":\"bell\\u0007\"}",
                "{\"visibility\":\"public\"}", "{}", "{\"name\": {\"a\": 1}}"}) {
            ApiClient.Reply reply = patch(alice, id, body);
            assertEquals(400, reply.status(), () -> body + " -> " + reply);
        }
        assertEquals("keep.txt", api.get("api/files/" + id, alice.bearer()).json().getString("name"));
    }

    @Test
    void htmlInAFileNameIsStoredAsText() {
        String id = upload(alice, "<img src=x onerror=alert(1)>.png", UploadOptions.defaults());

        assertEquals("<img src=x onerror=alert(1)>.png", api.get("api/files/" + id, bob.bearer()).json().getString("name"));
    }

    private String upload(DriveUsers user, String name, UploadOptions options) {
        return user.client().upload(SegmentSource.of(randomBytes(1000, name.hashCode())), name, options).fileId();
    }

    private ApiClient.Reply patch(DriveUsers user, String id, String body) {
        return api.send("PATCH", "api/files/" + id, BodyPublishers.ofString(body),
                "Authorization", "Bearer " + user.token(), "Content-Type", "application/json");
    }

    private long totalFor(DriveUsers user, String path) {
        return api.get(path, user.bearer()).json().getJsonNumber("total").longValue();
    }

    private long usage(DriveUsers user) {
        return api.get("api/files/usage", user.bearer()).json().getJsonNumber("used").longValue();
    }
}
