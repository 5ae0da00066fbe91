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
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import vn.mydrive.platform.store.DuplicateKeys;
import vn.mydrive.platform.store.MongoStore;

/**
 * Live sessions in the {@code sessions} collection, one document per account (keyed like the account).
 * Every change is a single-document compare-and-set on the token id, so two nodes racing to sign the same
 * account in cannot both win. {@code idleUntil} (last sign of life plus the session's idle timeout) is kept
 * beside {@code lastSeenAt} so finding idle sessions is one range query.
 */
@ApplicationScoped
class SessionStore {

    @Inject
    MongoStore store;

    @Inject
    RecentSessions recent;

    private MongoCollection<Document> sessions;

    @PostConstruct
    void open() {
        sessions = store.collection("sessions");
        // Real MongoDB drops expired sessions itself; the embedded store ignores TTL, so SessionSweeper does too.
        sessions.createIndex(Indexes.ascending("expiresAt"), new IndexOptions().expireAfter(0L, TimeUnit.SECONDS));
        sessions.createIndex(Indexes.ascending("idleUntil"));
    }

    Optional<Session> find(String key) {
        return Optional.ofNullable(sessions.find(eq("_id", key)).first()).map(SessionStore::toSession);
    }

    /** The account's session as read within the last moment: fresh enough to accept a request with. */
    Optional<Session> findRecent(String key) {
        return recent.find(key, this::find);
    }

    /** The account's session read now, and kept as the recent one. */
    Optional<Session> findAgain(String key) {
        recent.forget(key);
        return findRecent(key);
    }

    /** Starts a session where none is stored; false if another node stored one first. */
    boolean insert(Session session) {
        try {
            return DuplicateKeys.insertIfNew(sessions, toDocument(session));
        } finally {
            recent.forget(session.key());
        }
    }

    /** Replaces the session holding {@code previousTokenId}; false if it changed meanwhile. */
    boolean replace(String previousTokenId, Session next) {
        Document filter = new Document("_id", next.key()).append("tokenId", previousTokenId);
        try {
            return sessions.replaceOne(filter, toDocument(next)).getMatchedCount() == 1;
        } finally {
            recent.forget(next.key());
        }
    }

    /** Ends the session if it is still the one holding {@code tokenId}. */
    boolean delete(String key, String tokenId) {
        try {
            return sessions.deleteOne(new Document("_id", key).append("tokenId", tokenId)).getDeletedCount() == 1;
        } finally {
            recent.forget(key);
        }
    }

    void touch(Session session, Instant now) {
        try {
            sessions.updateOne(new Document("_id", session.key()).append("tokenId", session.tokenId()),
                    Updates.combine(Updates.set("lastSeenAt", Date.from(now)),
                            Updates.set("idleUntil", Date.from(now.plus(session.idleTimeout())))));
        } finally {
            recent.forget(session.key());
        }
    }

    /** Sessions whose token expired or whose client went idle before {@code now}. */
    List<Session> endedBefore(Instant now) {
        List<Session> ended = new ArrayList<>();
        sessions.find(lt("idleUntil", Date.from(now))).map(SessionStore::toSession).into(ended);
        sessions.find(lt("expiresAt", Date.from(now))).map(SessionStore::toSession).into(ended);
        return ended;
    }

    List<Session> all() {
        return sessions.find().map(SessionStore::toSession).into(new ArrayList<>());
    }

    private static Document toDocument(Session s) {
        return new Document("_id", s.key())
                .append("username", s.username())
                .append("tokenId", s.tokenId())
                .append("roles", List.copyOf(s.roles()))
                .append("signedInAt", Date.from(s.signedInAt()))
                .append("lastSeenAt", Date.from(s.lastSeenAt()))
                .append("idleUntil", Date.from(s.lastSeenAt().plus(s.idleTimeout())))
                .append("idleTimeoutMs", s.idleTimeout().toMillis())
                .append("expiresAt", Date.from(s.expiresAt()))
                .append("clientAddress", s.clientAddress());
    }

    private static Session toSession(Document d) {
        Number idleMs = d.get("idleTimeoutMs", Number.class);
        return new Session(d.getString("username"), d.getString("tokenId"),
                Set.copyOf(d.getList("roles", String.class, List.of())),
                d.getDate("signedInAt").toInstant(), d.getDate("lastSeenAt").toInstant(),
                d.getDate("expiresAt").toInstant(), d.getString("clientAddress"),
                Duration.ofMillis(idleMs == null ? 0 : idleMs.longValue()));
    }
}
