package vn.mydrive.platform.store;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.bson.BinData;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.MongoServerError;
import de.bwaldvogel.mongo.wire.message.MongoMessage;
import de.bwaldvogel.mongo.wire.message.MongoQuery;
import io.netty.channel.Channel;
import io.netty.util.AttributeKey;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Collection;
import java.util.Locale;
import java.util.Set;

/**
 * The embedded store's door: mongo-java-server has no authentication of its own, so every connection must first
 * present the store's secret (SASL PLAIN, which the MongoDB driver speaks) before any command but the handshake
 * is answered. Without it, any local process could read password hashes from the loopback port or make itself
 * an admin. The rest is the wrapped backend's.
 */
final class AuthenticatingBackend extends DelegatingBackend {

    private static final AttributeKey<Boolean> AUTHENTICATED = AttributeKey.valueOf("mydrive.store.authenticated");
    /** What a driver sends before it authenticates: the handshake (and its monitoring repeats it). */
    private static final Set<String> HANDSHAKE = Set.of("ismaster", "hello");
    private static final String SASL_START = "saslstart";

    private final MongoBackend backend;
    /** The PLAIN message the driver sends: authorization id, user and secret, separated by NUL. */
    private final byte[] expected;

    AuthenticatingBackend(MongoBackend backend, StoreCredentials credentials) {
        this.backend = backend;
        String user = credentials.user();
        this.expected = (user + "\0" + user + "\0" + credentials.secret()).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    protected MongoBackend delegate() {
        return backend;
    }

    /** Lets an authenticated channel through (null); answers the authentication; refuses anything else. */
    private Document gate(Channel channel, String command, Document body) {
        if (Boolean.TRUE.equals(channel.attr(AUTHENTICATED).get())) {
            return null;
        }
        String name = command == null ? "" : command.toLowerCase(Locale.ROOT);
        if (name.equals(SASL_START)) {
            byte[] presented = body.get("payload") instanceof BinData payload ? payload.getData() : new byte[0];
            if (!"PLAIN".equals(body.get("mechanism")) || !MessageDigest.isEqual(presented, expected)) {
                channel.close();
                throw new MongoServerError(18, "AuthenticationFailed", "Authentication failed.");
            }
            channel.attr(AUTHENTICATED).set(Boolean.TRUE);
            Document done = new Document("conversationId", 1);
            done.put("done", true);
            done.put("payload", new BinData(new byte[0]));
            done.put("ok", 1.0);
            return done;
        }
        if (HANDSHAKE.contains(name)) {
            return null;
        }
        throw new MongoServerError(13, "Unauthorized", "Command " + command + " requires authentication.");
    }

    @Override
    public Document handleCommand(Channel channel, String database, String command, Document query) {
        Document answer = gate(channel, command, query);
        return answer != null ? answer : super.handleCommand(channel, database, command, query);
    }

    @Override
    public Document handleMessage(MongoMessage message) {
        Document answer = gate(message.getChannel(), commandName(message.getDocument()), message.getDocument());
        return answer != null ? answer : super.handleMessage(message);
    }

    @Override
    public QueryResult handleQuery(MongoQuery query) {
        gate(query.getChannel(), "query", query.getQuery());
        return super.handleQuery(query);
    }

    @Override
    public Collection<Document> getCurrentOperations(MongoQuery query) {
        gate(query.getChannel(), "currentOp", query.getQuery());
        return super.getCurrentOperations(query);
    }
}
