package vn.mydrive.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.mydrive.testkit.Accounts.bearer;

import java.net.URL;
import java.net.http.HttpRequest.BodyPublishers;
import java.time.Duration;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.support.ui.FluentWait;
import vn.mydrive.client.SegmentSource;
import vn.mydrive.client.TransferClient;
import vn.mydrive.client.TransferClient.UploadOptions;
import vn.mydrive.testkit.Accounts;
import vn.mydrive.testkit.ApiClient;

/**
 * An admin disables an account: its live session ends at once (its token is refused), it cannot sign in (told so
 * only with the right password), its files stay; enabled again, it signs in as before. Only admins may do this,
 * an admin cannot be disabled, and names that are no account are answered 404 without changing anything.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AccountModerationIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.builtWar();
    }

    @ArquillianResource
    URL deployment;

    @Test
    void aDisabledAccountIsSignedOutAndKeptOutUntilEnabled() {
        ApiClient api = new ApiClient(deployment);
        Accounts accounts = new Accounts(api);
        String name = accounts.register(Accounts.uniqueName("moderated"));
        String token = accounts.signIn(name);
        String fileId;
        try (TransferClient client = TransferClient.connect(api.transferSocket(), token)) {
            fileId = client.upload(SegmentSource.of(new byte[] {4, 5, 6}), "giữ lại.bin", UploadOptions.defaults())
                    .fileId();
        }
        String admin = accounts.signInTakingOver("admin", Accounts.ADMIN_PASSWORD);

        // Only admins.
        String other = accounts.newSignedInUser("bystander");
        assertEquals(403, post(api, "api/admin/accounts/" + name + "/disable", other).status());
        assertEquals(200, api.get("api/files/usage", bearer(token)).status(), "nothing changed");

        assertEquals(204, post(api, "api/admin/accounts/" + name + "/disable", admin).status());
        assertEquals(401, api.get("api/files/usage", bearer(token)).status(), "the session ended at once");
        ApiClient.Reply refused = api.post("api/auth/login", Accounts.credentials(name, Accounts.PASSWORD));
        assertEquals(403, refused.status(), refused::toString);
        assertEquals("account_disabled", refused.error());
        ApiClient.Reply wrongPassword = api.post("api/auth/login", Accounts.credentials(name, "not the password!"));
        assertEquals("wrong_credentials", wrongPassword.error(), "a wrong password learns nothing about the account");
        assertEquals(204, post(api, "api/admin/accounts/" + name + "/disable", admin).status(), "safe to repeat");
        assertEquals(200, api.get("api/files/" + fileId, bearer(other)).status(), "its files stay");
        // The log is written in batches every second: wait for the entry.
        new FluentWait<>(api).withTimeout(Duration.ofSeconds(30)).pollingEvery(Duration.ofMillis(250))
                .withMessage("the activity log says who was disabled")
                .until(a -> a.get("api/admin/activity?kind=ACCOUNT_DISABLED", bearer(admin)).body().contains(name));

        assertEquals(204, post(api, "api/admin/accounts/" + name + "/enable", admin).status());
        String again = accounts.signIn(name);
        assertEquals(200, api.get("api/files/" + fileId, bearer(again)).status());

        // Admins are not disabled here; names that are no account change nothing.
        assertEquals("admin_account", post(api, "api/admin/accounts/admin/disable", admin).error());
        assertEquals(200, api.get("api/files/usage", bearer(admin)).status(), "the admin is still signed in");
        for (String hostile : new String[] {"no-such-account-x", "..%2F..%2Fetc", "%3Cb%3Ehi%3C%2Fb%3E", "a".repeat(300)}) {
            ApiClient.Reply answer = post(api, "api/admin/accounts/" + hostile + "/disable", admin);
            assertTrue(answer.status() == 404 || answer.status() == 400, hostile + ": " + answer);
        }
        assertEquals(200, api.get("api/files/usage", bearer(again)).status(), "the enabled account is untouched");
    }

    private static ApiClient.Reply post(ApiClient api, String path, String token) {
        return api.send("POST", path, BodyPublishers.noBody(), bearer(token));
    }
}
