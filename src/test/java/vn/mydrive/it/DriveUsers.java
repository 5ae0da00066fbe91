package vn.mydrive.it;

import vn.mydrive.client.TransferClient;
import vn.mydrive.testkit.Accounts;
import vn.mydrive.testkit.ApiClient;

/** A signed-in test user with a transfer connection. */
record DriveUsers(ApiClient api, String token, TransferClient client) implements AutoCloseable {

    static DriveUsers signIn(ApiClient api, String prefix) {
        String token = new Accounts(api).newSignedInUser(prefix);
        return new DriveUsers(api, token, TransferClient.connect(api.transferSocket(), token));
    }

    String name() {
        return client.welcome().getString("user");
    }

    /** Makes a folder (in {@code parentId}, or at the top) through the API. @return its id */
    String makeFolder(String name, String parentId) {
        var body = jakarta.json.Json.createObjectBuilder().add("name", name);
        if (parentId != null) {
            body.add("parentId", parentId);
        }
        ApiClient.Reply made = api.post("api/folders", body.build().toString(), bearer());
        org.junit.jupiter.api.Assertions.assertEquals(201, made.status(), made::toString);
        return made.json().getString("id");
    }

    String[] bearer() {
        return Accounts.bearer(token);
    }

    @Override
    public void close() {
        client.close();
    }
}
