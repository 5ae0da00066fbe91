package vn.mydrive.auth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import vn.mydrive.platform.security.AccountDirectory;
import vn.mydrive.platform.security.AccountKey;

/** The accounts in the store, as other features may ask about them. */
@ApplicationScoped
class StoredAccountDirectory implements AccountDirectory {

    @Inject
    AccountStore accounts;

    @Override
    public boolean exists(String username) {
        return username != null && Usernames.isValid(username) && accounts.find(AccountKey.of(username)).isPresent();
    }
}
