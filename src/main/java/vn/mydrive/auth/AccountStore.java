package vn.mydrive.auth;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Updates;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.bson.Document;
import vn.mydrive.platform.store.DuplicateKeys;
import vn.mydrive.platform.store.MongoStore;

/**
 * Accounts in the {@code accounts} collection, keyed by the lower-cased username: the primary key makes
 * "one account per name, whatever the case" hold on every MongoDB without a transaction.
 */
@ApplicationScoped
class AccountStore {

    @Inject
    MongoStore store;

    private MongoCollection<Document> accounts;

    @PostConstruct
    void open() {
        accounts = store.collection("accounts");
    }

    Optional<Account> find(String key) {
        return Optional.ofNullable(accounts.find(eq("_id", key)).first()).map(AccountStore::toAccount);
    }

    /** @return false when the name is taken */
    boolean insert(Account account) {
        return DuplicateKeys.insertIfNew(accounts, new Document("_id", account.key())
                .append("username", account.username())
                .append("passwordHash", account.passwordHash())
                .append("roles", List.copyOf(account.roles()))
                .append("createdAt", Date.from(account.createdAt())));
    }

    void updatePasswordHash(String key, String passwordHash) {
        accounts.updateOne(eq("_id", key), Updates.set("passwordHash", passwordHash));
    }

    void addRole(String key, String role) {
        accounts.updateOne(eq("_id", key), Updates.addToSet("roles", role));
    }

    /** @return false when there is no such account */
    boolean setDisabled(String key, boolean disabled) {
        return accounts.updateOne(eq("_id", key), Updates.set("disabled", disabled)).getMatchedCount() == 1;
    }

    /** @return false when there is no such account */
    boolean delete(String key) {
        return accounts.deleteOne(eq("_id", key)).getDeletedCount() == 1;
    }

    long count() {
        return accounts.estimatedDocumentCount();
    }

    private static Account toAccount(Document d) {
        Set<String> roles = new HashSet<>(d.getList("roles", String.class, List.of()));
        return new Account(d.getString("username"), d.getString("passwordHash"), Set.copyOf(roles),
                d.getDate("createdAt").toInstant(), d.getBoolean("disabled", false));
    }
}
