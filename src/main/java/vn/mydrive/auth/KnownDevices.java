package vn.mydrive.auth;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.lt;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.bson.Document;
import vn.mydrive.platform.store.MongoStore;

/**
 * Clients that have signed in to an account before ({@code devices}): each got a random device token at a
 * successful sign-in (a cookie in browsers, a field for API clients), and presenting it later gives that client
 * a sign-in budget of its own ({@link LoginThrottle}). A token is only a key to that budget, never a credential.
 */
@ApplicationScoped
class KnownDevices {

    /** A device is forgotten after this long without a sign-in. */
    static final Duration REMEMBERED = Duration.ofDays(365);
    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    MongoStore store;

    private MongoCollection<Document> devices;

    @PostConstruct
    void open() {
        devices = store.collection("devices");
        devices.createIndex(Indexes.ascending("expiresAt"), new IndexOptions().expireAfter(0L, TimeUnit.SECONDS));
    }

    /** The token, if it is a device known for this account; null otherwise. */
    String knownFor(String token, String accountKey, Instant now) {
        if (token == null || !SHAPE.matcher(token).matches()) {
            return null;
        }
        Document device = devices.find(eq("_id", token)).first();
        return device != null && accountKey.equals(device.getString("accountKey"))
                && device.getDate("expiresAt").toInstant().isAfter(now) ? token : null;
    }

    /** After a successful sign-in: the client's token, renewed, or a new one for a client not known yet. */
    String remember(String knownToken, String accountKey, Instant now) {
        Date expires = Date.from(now.plus(REMEMBERED));
        if (knownToken != null) {
            devices.updateOne(eq("_id", knownToken), Updates.combine(Updates.set("lastUsedAt", Date.from(now)),
                    Updates.set("expiresAt", expires)));
            return knownToken;
        }
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        devices.insertOne(new Document("_id", token).append("accountKey", accountKey)
                .append("createdAt", Date.from(now)).append("lastUsedAt", Date.from(now)).append("expiresAt", expires));
        return token;
    }

    /** Forgets devices not used for a year (the embedded store ignores TTL indexes). */
    void sweep(Instant now) {
        devices.deleteMany(lt("expiresAt", Date.from(now)));
    }
}
