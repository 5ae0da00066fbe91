package vn.mydrive.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URL;
import java.time.Duration;
import org.bson.types.ObjectId;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.mydrive.testkit.Accounts;
import vn.mydrive.testkit.ApiClient;

/**
 * {@code mydrive.drive.adopt-at-startup=true}, as someone pointing MyDrive at the original MyDrive's data sets it:
 * files another client wrote while the app was running are adopted by their owners' accounts when the app next
 * starts, with nobody pressing a button. The app is deployed here with that key (a configuration jar with a higher
 * ordinal than the test environment), on the suite's store, then deployed again.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AdoptAtStartUpIT {

    private static final String ADOPTING = "adopting";
    private static final Duration WAIT = Duration.ofSeconds(60);

    @Deployment(name = ADOPTING, managed = false, testable = false)
    static WebArchive adoptingApp() {
        return Deployments.builtWar().addAsLibrary(ShrinkWrap.create(JavaArchive.class, "it-adopt-at-startup.jar")
                .addAsManifestResource(new StringAsset("config_ordinal=500\nmydrive.drive.adopt-at-startup=true\n"),
                        "microprofile-config.properties"));
    }

    @ArquillianResource
    Deployer deployer;

    @Test
    void filesOfAnAccountWrittenByAnotherClientAreAdoptedWhenTheAppStarts() throws Exception {
        ApiClient api = new ApiClient(new URL(System.getProperty("mydrive.it.base", "http://127.0.0.1:8080/mydrive/")));
        deployer.deploy(ADOPTING);
        try {
            RedeployResumeIT.awaitUp(api);
            awaitStartUpAdoption(api);
            // Written after this start's adoption ran: nothing adopts it until the next start.
            String heir = new Accounts(api).register(Accounts.uniqueName("heir"));
            byte[] data = TransferIT.randomBytes(300_000, 91);
            ObjectId file;
            try (OtherGridFsClients other = new OtherGridFsClients()) {
                file = other.pymongoPut(data, "thư cũ.txt", heir);
            }
            String token = new Accounts(api).signIn(heir);
            assertEquals(0, api.get("api/files?mine=true", Accounts.bearer(token)).json().getInt("total"));

            deployer.undeploy(ADOPTING);
            deployer.deploy(ADOPTING);
            RedeployResumeIT.awaitUp(api);
            JsonObject report = awaitStartUpAdoption(api);

            assertTrue(report.getInt("adopted") >= 1, report::toString);
            token = new Accounts(api).signInTakingOver(heir, Accounts.PASSWORD);
            JsonObject adopted = api.get("api/files/" + file.toHexString(), Accounts.bearer(token)).json();
            assertTrue(adopted.getBoolean("mine"), adopted::toString);
            assertEquals(OtherGridFsClients.digest("SHA-256", data), adopted.getString("sha256"));
        } finally {
            deployer.undeploy(ADOPTING);
        }
    }

    /** Waits for the run this start made (an adoption, with the key set) to finish, and gives its report. */
    private static JsonObject awaitStartUpAdoption(ApiClient api) throws InterruptedException {
        String admin = new Accounts(api).signInTakingOver("admin", Accounts.ADMIN_PASSWORD);
        long deadline = System.nanoTime() + WAIT.toNanos();
        JsonObject state;
        do {
            state = api.get("api/admin/bucket", Accounts.bearer(admin)).json();
            if (state.containsKey("lastRun") && "ADOPT".equals(state.getJsonObject("lastRun").getString("kind"))) {
                return state.getJsonObject("lastRun");
            }
            Thread.sleep(250);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("No adoption after start-up: " + state);
    }
}
