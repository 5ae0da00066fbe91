package vn.mydrive.drive.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.mongodb.client.MongoCollection;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.mydrive.drive.ForeignFile;
import vn.mydrive.drive.OwnerFiles;
import vn.mydrive.testkit.EmbeddedStore;

/**
 * The unclaimed owners' totals come from one {@code $group} in the store: on the embedded store's H2 backend (the
 * app's default) it gives the same answer as reading every unowned file, whatever type another client gave
 * {@code length} and {@code owner}, and it leaves out the files that are owned, unchecked or unreadable.
 */
class UnownedByOwnerTest {

    private EmbeddedStore embedded;
    private MongoCollection<Document> files;
    private MongoFileRepository repository;

    @BeforeEach
    void start() {
        embedded = new EmbeddedStore();
        files = embedded.collection("fs.files");
        repository = new MongoFileRepository();
        repository.store = embedded.store();
        repository.open();
    }

    @AfterEach
    void stop() {
        embedded.close();
    }

    @Test
    void theStoreTotalsEachOwnersUnownedFilesAsReadingThemAllWould() {
        checked("ghost", 1_000);
        checked("ghost", 2_500L);
        checked("ghost", 4_000.0);
        checked("Ghost", 7); // another owner: names are matched as written, as adoption shows them
        checked("zed", 30);
        checked(null, 11);
        checked("   ", 13);
        checked(42, 17);
        // Owned, not yet checked, unreadable, not an ObjectId: none of them counts.
        files.insertOne(file(new ObjectId(), "ghost", 100_000).append("metadata",
                new Document("sha256", "ab").append("owner", "alice").append("ownerKey", "alice")));
        files.insertOne(file(new ObjectId(), "ghost", 200_000));
        files.insertOne(file(new ObjectId(), "ghost", 300_000).append("metadata",
                new Document("unreadable", "chunk 0 of 1 is missing")));
        files.insertOne(file("not-an-object-id", "ghost", 400_000).append("metadata", new Document("sha256", "ab")));

        List<OwnerFiles> totals = repository.unownedByOwner();

        assertEquals(List.of(new OwnerFiles(null, 3, 41), new OwnerFiles("Ghost", 1, 7),
                new OwnerFiles("ghost", 3, 7_500), new OwnerFiles("zed", 1, 30)), totals);
        assertEquals(byReadingEveryFile(), totals);
    }

    @Test
    void anEmptyBucketHasNoOwners() {
        assertEquals(List.of(), repository.unownedByOwner());
    }

    /** A checked file no account owns: its sha256 recorded, no ownerKey; {@code owner} and {@code length} as given. */
    private void checked(Object owner, Object length) {
        files.insertOne(file(new ObjectId(), owner, length).append("metadata",
                new Document("sha256", "ab").append("visibility", "shared")));
    }

    private static Document file(Object id, Object owner, Object length) {
        Document file = new Document("_id", id).append("length", length).append("chunkSize", 261_120)
                .append("filename", "f.bin");
        if (owner != null) {
            file.append("owner", owner);
        }
        return file;
    }

    /** The answer the admin page had before: every unowned file read, page by page, and added up by owner. */
    private List<OwnerFiles> byReadingEveryFile() {
        Map<String, OwnerFiles> byOwner = new TreeMap<>(Comparator.nullsFirst(Comparator.naturalOrder()));
        ObjectId after = null;
        for (List<ForeignFile> page = repository.unowned(null, 2); !page.isEmpty();
             page = repository.unowned(after, 2)) {
            for (ForeignFile file : page) {
                byOwner.merge(file.originalOwner(), new OwnerFiles(file.originalOwner(), 1, file.size()),
                        OwnerFiles::plus);
            }
            after = page.get(page.size() - 1).id();
        }
        return new ArrayList<>(byOwner.values());
    }
}
