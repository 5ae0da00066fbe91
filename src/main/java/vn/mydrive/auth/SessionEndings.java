package vn.mydrive.auth;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.lt;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import vn.mydrive.platform.security.SessionEnding;
import vn.mydrive.platform.store.MongoStore;

/**
 * How ended sessions ended ({@code session_endings}, keyed by the ended token's id), kept until that token
 * would have expired anyway: so a pushed-out page, on any node, can say why. Only the holder of the token
 * knows its id, so only they can read its record.
 */
@ApplicationScoped
class SessionEndings {

    @Inject
    MongoStore store;

    private MongoCollection<Document> endings;

    @PostConstruct
    void open() {
        endings = store.collection("session_endings");
        endings.createIndex(Indexes.ascending("expiresAt"), new IndexOptions().expireAfter(0L, TimeUnit.SECONDS));
    }

    void record(Session session, SessionEnding ending) {
        Document record = new Document("_id", session.tokenId())
                .append("username", session.username())
                .append("reason", ending.reason().code())
                .append("at", Date.from(ending.at()))
                .append("address", ending.address())
                .append("expiresAt", Date.from(session.expiresAt()));
        endings.replaceOne(eq("_id", session.tokenId()), record, new ReplaceOptions().upsert(true));
    }

    Optional<SessionEnding> find(String tokenId) {
        if (tokenId == null || tokenId.length() > 64) {
            return Optional.empty();
        }
        Document d = endings.find(eq("_id", tokenId)).first();
        return d == null ? Optional.empty() : Optional.of(new SessionEnding(
                SessionEnding.Reason.ofCode(d.getString("reason")), d.getDate("at").toInstant(), d.getString("address")));
    }

    /** Forgets endings of tokens that have expired (the embedded store ignores TTL indexes). */
    void sweep(Instant now) {
        endings.deleteMany(lt("expiresAt", Date.from(now)));
    }
}
