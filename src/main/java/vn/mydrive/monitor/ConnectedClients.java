package vn.mydrive.monitor;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.lt;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.logging.Logger;
import org.bson.Document;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.mydrive.platform.events.Activity;
import vn.mydrive.platform.concurrent.SerialQueue;
import vn.mydrive.platform.concurrent.Workers;
import vn.mydrive.platform.config.NodeName;
import vn.mydrive.platform.events.ClientPresence;
import vn.mydrive.platform.events.ClientPresence.Work;
import vn.mydrive.platform.store.MongoStore;

/**
 * Who is connected, across all nodes ({@code presence}: one document per connection). A node that dies
 * leaves its documents behind; they are removed, and logged as dropped, once they miss three heartbeats.
 */
@ApplicationScoped
public class ConnectedClients {

    private static final Logger LOG = Logger.getLogger(ConnectedClients.class.getName());
    /** Changes that may wait to be written; a full queue loses presence details, never a transfer. */
    private static final int QUEUE_LIMIT = 10_000;

    @Inject
    MongoStore store;

    @Inject
    Event<Activity> activity;

    @Inject
    @ConfigProperty(name = "mydrive.transfer.heartbeat")
    Duration heartbeat;

    @Resource(lookup = Workers.JNDI_NAME)
    ManagedExecutorService executor;

    private MongoCollection<Document> presence;
    private SerialQueue<ClientPresence> writes;

    @PostConstruct
    void open() {
        presence = store.collection("presence");
        writes = new SerialQueue<>(executor, this::write,
                change -> LOG.warning("Presence change not recorded (queue full or stopping): " + change), QUEUE_LIMIT);
    }

    /**
     * Written later, in arrival order: connections open and close on the WebSocket's I/O threads,
     * which must never wait for the store.
     */
    void track(@Observes ClientPresence change) {
        writes.offer(change);
    }

    private void write(ClientPresence change) {
        Document key = new Document("_id", change.connectionId());
        switch (change.change()) {
            case CONNECTED -> presence.insertOne(new Document("_id", change.connectionId())
                    .append("user", change.username())
                    .append("address", change.address())
                    .append("since", Date.from(change.at()))
                    .append("lastSeen", Date.from(change.at()))
                    .append("doing", null)
                    .append("node", NodeName.get()));
            case ALIVE -> presence.updateOne(key, Updates.set("lastSeen", Date.from(change.at())));
            case BUSY -> presence.updateOne(key, Updates.combine(Updates.set("lastSeen", Date.from(change.at())),
                    Updates.set("doing", work(change.doing()))));
            case CLOSED_CLEANLY, DROPPED -> presence.deleteOne(key);
            default -> {
            }
        }
    }

    public List<ConnectedClient> all() {
        return presence.find().sort(Sorts.ascending("since")).map(d -> new ConnectedClient(d.getString("_id"),
                d.getString("user"), d.getString("address"), d.getDate("since").toInstant(),
                d.getDate("lastSeen").toInstant(), work(d.get("doing", Document.class)), d.getString("node")))
                .into(new ArrayList<>());
    }

    private static Document work(Work doing) {
        return doing == null ? null
                : new Document("kind", doing.kind().name()).append("file", doing.file()).append("percent", doing.percent());
    }

    private static Work work(Document doing) {
        return doing == null ? null : new Work(Work.Kind.valueOf(doing.getString("kind")), doing.getString("file"),
                doing.getInteger("percent"));
    }

    /** Removes connections whose node stopped reporting them (it died), logging them as dropped. */
    void sweep() {
        Date cutoff = Date.from(Instant.now().minus(heartbeat.multipliedBy(4)));
        for (Document stale : presence.find(lt("lastSeen", cutoff)).into(new ArrayList<>())) {
            if (presence.deleteOne(eq("_id", stale.getString("_id"))).getDeletedCount() == 1) {
                activity.fire(Activity.of(Activity.Kind.DISCONNECT_DROPPED, stale.getString("user"),
                        stale.getString("address"), "no heartbeat from node " + stale.getString("node")));
            }
        }
    }
}
