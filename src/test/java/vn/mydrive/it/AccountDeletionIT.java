package vn.mydrive.it;

import static com.mongodb.client.model.Filters.in;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.mydrive.it.TransferIT.randomBytes;
import static vn.mydrive.testkit.Accounts.bearer;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import jakarta.json.JsonValue;
import java.net.URL;
import java.net.http.HttpRequest.BodyPublishers;
import java.util.List;
import org.bson.types.ObjectId;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import vn.mydrive.client.SegmentSource;
import vn.mydrive.client.TransferClient;
import vn.mydrive.client.TransferClient.UploadOptions;
import vn.mydrive.testkit.Accounts;
import vn.mydrive.testkit.ApiClient;
import vn.mydrive.testkit.Browser;

/**
 * A person deletes their own account after typing its password again: every file they own (drive and trash) goes
 * with its chunks, their session ends, and the name is free; a wrong or missing password changes nothing. An admin
 * removes any file for good. Checked over the API, in the store through its own port, and on the account page.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AccountDeletionIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.builtWar();
    }

    @ArquillianResource
    URL deployment;

    @Test
    void deletingOnesAccountTakesEveryFileAndFreesTheName() {
        ApiClient api = new ApiClient(deployment);
        Accounts accounts = new Accounts(api);
        String name = accounts.register(Accounts.uniqueName("leaving"));
        String token = accounts.signIn(name);
        String shared;
        String trashed;
        try (TransferClient client = TransferClient.connect(api.transferSocket(), token)) {
            shared = client.upload(SegmentSource.of(randomBytes(3_000_000, 1)), "chung.bin", UploadOptions.defaults())
                    .fileId();
            trashed = client.upload(SegmentSource.of(randomBytes(2000, 2)), "rác.bin", UploadOptions.defaults()).fileId();
        }
        assertEquals(204, api.send("DELETE", "api/files/" + trashed, BodyPublishers.noBody(), bearer(token)).status());
        String bystander = accounts.newSignedInUser("bystander");
        assertEquals(200, api.get("api/files/" + shared, bearer(bystander)).status());

        ApiClient.Reply wrong = deleteAccount(api, token, "{\"password\":\"not my password\"}");
        assertEquals(403, wrong.status(), wrong::toString);
        assertEquals("wrong_password", wrong.error());
        for (String body : new String[] {"{}", "{\"password\":\"\"}", "{\"password\":null}"}) {
            assertEquals(400, deleteAccount(api, token, body).status(), body);
        }
        assertEquals(200, api.get("api/files/" + shared, bearer(token)).status(), "nothing changed");

        ApiClient.Reply deleted = deleteAccount(api, token, "{\"password\":\"" + Accounts.PASSWORD + "\"}");
        assertEquals(204, deleted.status(), deleted::toString);

        assertEquals(401, api.get("api/files/usage", bearer(token)).status(), "the session ended");
        assertEquals(404, api.get("api/files/" + shared, bearer(bystander)).status());
        assertEquals(401, api.post("api/auth/login", Accounts.credentials(name, Accounts.PASSWORD)).status());
        try (MongoClient store = EmbeddedStore.connect()) {
            MongoDatabase db = store.getDatabase("mydrive");
            List<ObjectId> ids = List.of(new ObjectId(shared), new ObjectId(trashed));
            assertEquals(0, db.getCollection("fs.files").countDocuments(in("_id", ids)));
            assertEquals(0, db.getCollection("fs.chunks").countDocuments(in("files_id", ids)), "no chunk is left");
        }

        // The name is free again, and the new account starts empty.
        accounts.register(name);
        String again = accounts.signIn(name);
        assertEquals(0, api.get("api/files/usage", bearer(again)).json().getJsonNumber("used").longValue());
        assertEquals(0, api.get("api/files?mine=true", bearer(again)).json().getJsonNumber("total").longValue());
        assertEquals(0, api.get("api/trash", bearer(again)).json().getJsonNumber("total").longValue());
        api.post("api/auth/logout", null, bearer(again));
        api.post("api/auth/logout", null, bearer(bystander));
    }

    @Test
    void anAdminRemovesAnyFileForGoodAndOthersCannot() throws InterruptedException {
        ApiClient api = new ApiClient(deployment);
        Accounts accounts = new Accounts(api);
        String owner = accounts.newSignedInUser("owner");
        String fileId;
        try (TransferClient client = TransferClient.connect(api.transferSocket(), owner)) {
            fileId = client.upload(SegmentSource.of(randomBytes(5000, 3)), "vi phạm.bin",
                    UploadOptions.defaults().withVisibility("private")).fileId();
        }
        String other = accounts.newSignedInUser("other");
        assertEquals(403, removeAsAdmin(api, other, fileId), "only admins");
        assertEquals(200, api.get("api/files/" + fileId, bearer(owner)).status());

        String admin = accounts.signInTakingOver("admin", Accounts.ADMIN_PASSWORD);
        try {
            assertEquals(409, deleteAccount(api, admin, "{\"password\":\"" + Accounts.ADMIN_PASSWORD + "\"}").status(),
                    "an admin account is not deleted here");
            for (String bad : new String[] {"..", "not-an-id", new ObjectId().toHexString()}) {
                assertEquals(404, removeAsAdmin(api, admin, bad), bad);
            }
            assertEquals(204, removeAsAdmin(api, admin, fileId));
            assertEquals(404, removeAsAdmin(api, admin, fileId), "gone");
            assertTrue(activityShows(api, admin, "vi phạm.bin (by admin)"), "the removal is in the activity log");
        } finally {
            api.post("api/auth/logout", null, bearer(admin));
        }
        assertEquals(404, api.get("api/files/" + fileId, bearer(owner)).status());
        assertFalse(api.get("api/trash", bearer(owner)).json().getJsonArray("items").getValuesAs(JsonValue::asJsonObject)
                .stream().anyMatch(f -> f.getString("id").equals(fileId)), "removed for good, not to the trash");
        assertEquals(0, api.get("api/files/usage", bearer(owner)).json().getJsonNumber("used").longValue());
    }

    @Test
    void theAccountPageDeletesTheAccountOnceThePasswordIsRight() {
        ApiClient api = new ApiClient(deployment);
        String name = new Accounts(api).register(Accounts.uniqueName("page"));
        String base = ApiClient.loopback(deployment);
        try (Browser browser = new Browser()) {
            browser.signIn(base, name, Accounts.PASSWORD);
            browser.visible(By.id("topbar:account")).click();
            browser.waitForUrl("app/account.xhtml");

            browser.type(By.id("account:password"), "not my password");
            browser.visible(By.id("account:deleteAccount")).click();
            browser.visible(By.cssSelector(".ui-confirmdialog-yes")).click();
            browser.waitForText(By.id("account:messages"), "That is not your password.");

            browser.type(By.id("account:password"), Accounts.PASSWORD);
            browser.visible(By.id("account:deleteAccount")).click();
            browser.visible(By.cssSelector(".ui-confirmdialog-yes")).click();
            browser.waitForUrl("login.xhtml");
            browser.waitForText(By.id("messages"), "Your account and its files were deleted.");
        }
        assertEquals(401, api.post("api/auth/login", Accounts.credentials(name, Accounts.PASSWORD)).status());
    }

    /** The log is written as the event is handled, a moment after the request: looked at for a while. */
    private static boolean activityShows(ApiClient api, String admin, String detail) throws InterruptedException {
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(20).toNanos();
        do {
            if (api.get("api/admin/activity?limit=50&kind=REMOVED_BY_ADMIN", bearer(admin)).body().contains(detail)) {
                return true;
            }
            Thread.sleep(200);
        } while (System.nanoTime() < deadline);
        return false;
    }

    private static ApiClient.Reply deleteAccount(ApiClient api, String token, String body) {
        return api.send("POST", "api/auth/account/delete", BodyPublishers.ofString(body), "Authorization",
                "Bearer " + token, "Content-Type", "application/json");
    }

    private static int removeAsAdmin(ApiClient api, String token, String id) {
        return api.send("DELETE", "api/admin/files/" + id, BodyPublishers.noBody(), bearer(token)).status();
    }
}
