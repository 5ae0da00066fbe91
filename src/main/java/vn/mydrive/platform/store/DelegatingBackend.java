package vn.mydrive.platform.store;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.MongoVersion;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.message.MongoMessage;
import de.bwaldvogel.mongo.wire.message.MongoQuery;
import io.netty.channel.Channel;
import java.time.Clock;
import java.util.Collection;
import java.util.List;

/**
 * A mongo-java-server backend that hands everything to another one, so a layer in front of the store
 * (authentication, durability) overrides only the requests it is about.
 */
abstract class DelegatingBackend implements MongoBackend {

    /** The backend requests go to now (a layer may replace it, e.g. after reopening a broken store). */
    protected abstract MongoBackend delegate();

    /** The name of the command a message carries: its first key. */
    protected static String commandName(Document body) {
        return body.keySet().stream().findFirst().orElse(null);
    }

    @Override
    public Document handleCommand(Channel channel, String database, String command, Document query) {
        return delegate().handleCommand(channel, database, command, query);
    }

    @Override
    public Document handleMessage(MongoMessage message) {
        return delegate().handleMessage(message);
    }

    @Override
    public QueryResult handleQuery(MongoQuery query) {
        return delegate().handleQuery(query);
    }

    @Override
    public Collection<Document> getCurrentOperations(MongoQuery query) {
        return delegate().getCurrentOperations(query);
    }

    @Override
    public void handleClose(Channel channel) {
        delegate().handleClose(channel);
    }

    @Override
    public void dropDatabase(String database) {
        delegate().dropDatabase(database);
    }

    @Override
    public Document getServerStatus() {
        return delegate().getServerStatus();
    }

    @Override
    public void close() {
        delegate().close();
    }

    @Override
    public void closeCursors(List<Long> cursorIds) {
        delegate().closeCursors(cursorIds);
    }

    @Override
    public Clock getClock() {
        return delegate().getClock();
    }

    @Override
    public void enableOplog() {
        delegate().enableOplog();
    }

    @Override
    public void disableOplog() {
        delegate().disableOplog();
    }

    @Override
    public MongoDatabase resolveDatabase(String database) {
        return delegate().resolveDatabase(database);
    }

    @Override
    public MongoBackend version(MongoVersion version) {
        delegate().version(version);
        return this;
    }
}
