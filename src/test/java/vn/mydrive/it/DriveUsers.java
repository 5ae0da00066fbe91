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

    String[] bearer() {
        return Accounts.bearer(token);
    }

    @Override
    public void close() {
        client.close();
    }
}
