package vn.mydrive.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Sorts;
import jakarta.faces.push.PushContext;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.mydrive.platform.events.Activity;
import vn.mydrive.platform.events.Activity.Kind;
import vn.mydrive.testkit.EmbeddedStore;

/**
 * The activity log on the embedded store's H2 backend keeps its newest entries: those left by an earlier run and
 * those written since, trimmed oldest first, and nothing is trimmed while the log is within its size.
 */
class ActivityLogTest {

    private EmbeddedStore embedded;
    private MongoCollection<Document> entries;
    private ActivityLog log;

    @BeforeEach
    void start() {
        embedded = new EmbeddedStore();
        entries = embedded.collection("activity");
        log = new ActivityLog();
        log.store = embedded.store();
        log.push = new NoPageListening();
        log.kept = 100;
        log.open();
    }

    @AfterEach
    void stop() {
        embedded.close();
    }

    @Test
    void theNewestEntriesAreKeptOnesFromAnEarlierRunIncluded() {
        List<Document> earlier = IntStream.range(0, 60).mapToObj(i -> new Document("_id", new ObjectId())
                .append("at", new Date()).append("kind", "LOOKUP").append("detail", "earlier " + i)).toList();
        entries.insertMany(new ArrayList<>(earlier));
        log.trim();
        assertEquals(60, entries.countDocuments(), "within its size, nothing goes");

        for (int batch = 0; batch < 3; batch++) {
            for (int i = 0; i < 50; i++) {
                log.record(Activity.of(Kind.LOOKUP, "ana", "203.0.113.7", "new " + (batch * 50 + i)));
            }
            log.flush();
            log.trim();
        }

        List<String> left = entries.find().sort(Sorts.ascending("_id")).map(d -> d.getString("detail"))
                .into(new ArrayList<>());
        List<String> newest = new ArrayList<>(earlier.subList(10, 60).stream().map(d -> d.getString("detail")).toList());
        IntStream.range(0, 150).mapToObj(i -> "new " + i).forEach(newest::add);
        assertEquals(newest.subList(newest.size() - 100, newest.size()), left);
    }

    /** The admin page's push channel, with no page listening. */
    private static final class NoPageListening implements PushContext {
        @Override
        public java.util.Set<Future<Void>> send(Object message) {
            return java.util.Set.of();
        }

        @Override
        public <S extends Serializable> java.util.Set<Future<Void>> send(Object message, S user) {
            return java.util.Set.of();
        }

        @Override
        public <S extends Serializable> Map<S, java.util.Set<Future<Void>>> send(Object message, Collection<S> users) {
            return Map.of();
        }
    }
}
