package vn.mydrive.drive.store;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.ne;

import com.mongodb.MongoWriteException;
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
import java.util.Locale;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.ObjectId;
import vn.mydrive.drive.Folder;
import vn.mydrive.drive.FolderRepository;
import vn.mydrive.platform.security.AccountKey;
import vn.mydrive.platform.store.DuplicateKeys;
import vn.mydrive.platform.store.MongoStore;

/**
 * Folders in {@code fs.folders}, beside the bucket (GridFS tools never see them). The unique index on owner,
 * parent and lower-cased name is what keeps sibling names apart on every node; {@code fs.folderLocks} holds one
 * lease per owner while a folder moves, so two moves cannot each pass the cycle check against the tree the other
 * is changing.
 */
@ApplicationScoped
public class MongoFolderRepository implements FolderRepository {

    /** The parent key of folders at the top of a drive (a unique index treats missing values as equal anyway). */
    private static final String TOP = "top";
    private static final String SHARED_WITH = "sharedWith";
    private static final String CONTRIBUTORS = "contributors";
    private static final String OTHERS_ADD = "othersAdd";

    @Inject
    MongoStore store;

    private MongoCollection<Document> folders;
    private MongoCollection<Document> locks;

    @PostConstruct
    void open() {
        folders = store.collection("fs.folders");
        locks = store.collection("fs.folderLocks");
        folders.createIndex(Indexes.ascending("ownerKey", "parentKey", "nameKey"), new IndexOptions().unique(true));
        folders.createIndex(Indexes.ascending(SHARED_WITH));
    }

    @Override
    public boolean insert(Folder folder) {
        return DuplicateKeys.insertIfNew(folders, new Document("_id", folder.id())
                .append("name", folder.name())
                .append("nameKey", key(folder.name()))
                .append("owner", folder.owner())
                .append("ownerKey", AccountKey.of(folder.owner()))
                .append("parentId", folder.parentId())
                .append("parentKey", parentKey(folder.parentId()))
                .append("createdAt", Date.from(folder.createdAt())));
    }

    @Override
    public Optional<Folder> find(ObjectId id) {
        return Optional.ofNullable(folders.find(eq("_id", id)).first()).map(MongoFolderRepository::toFolder);
    }

    @Override
    public List<Folder> allOf(String ownerKey) {
        return folders.find(eq("ownerKey", ownerKey)).map(MongoFolderRepository::toFolder).into(new ArrayList<>());
    }

    @Override
    public boolean rename(ObjectId id, String name) {
        return update(id, Updates.combine(Updates.set("name", name), Updates.set("nameKey", key(name))));
    }

    @Override
    public boolean move(ObjectId id, ObjectId parentId) {
        return update(id, Updates.combine(Updates.set("parentId", parentId),
                Updates.set("parentKey", parentKey(parentId))));
    }

    @Override
    public boolean delete(ObjectId id) {
        return folders.deleteOne(eq("_id", id)).getDeletedCount() == 1;
    }

    @Override
    public boolean share(ObjectId id, String accountKey, boolean canAdd) {
        return folders.updateOne(eq("_id", id), Updates.combine(
                Updates.addToSet(SHARED_WITH, accountKey),
                canAdd ? Updates.addToSet(CONTRIBUTORS, accountKey) : Updates.pull(CONTRIBUTORS, accountKey)))
                .getMatchedCount() == 1;
    }

    @Override
    public boolean unshare(ObjectId id, String accountKey) {
        return folders.updateOne(and(eq("_id", id), eq(SHARED_WITH, accountKey)), Updates.combine(
                Updates.pull(SHARED_WITH, accountKey), Updates.pull(CONTRIBUTORS, accountKey))).getModifiedCount() == 1;
    }

    @Override
    public List<Folder> sharedWith(String accountKey) {
        return folders.find(eq(SHARED_WITH, accountKey)).map(MongoFolderRepository::toFolder).into(new ArrayList<>());
    }

    @Override
    public void markOthersAdd(ObjectId id) {
        folders.updateOne(and(eq("_id", id), ne(OTHERS_ADD, true)), Updates.set(OTHERS_ADD, true));
    }

    @Override
    public void unshareEverywhere(String accountKey) {
        folders.updateMany(eq(SHARED_WITH, accountKey),
                Updates.combine(Updates.pull(SHARED_WITH, accountKey), Updates.pull(CONTRIBUTORS, accountKey)));
    }

    @Override
    public boolean lockTree(String ownerKey, String holder, Duration lease) {
        Instant now = Instant.now();
        Document held = new Document("_id", ownerKey).append("holder", holder)
                .append("until", Date.from(now.plus(lease)));
        if (DuplicateKeys.insertIfNew(locks, held)) {
            return true;
        }
        // Taken over only once the lease of whoever held it has run out.
        return locks.updateOne(and(eq("_id", ownerKey), lt("until", Date.from(now))),
                Updates.combine(Updates.set("holder", holder), Updates.set("until", held.getDate("until"))))
                .getModifiedCount() == 1;
    }

    @Override
    public void unlockTree(String ownerKey, String holder) {
        locks.deleteOne(and(eq("_id", ownerKey), eq("holder", holder)));
    }

    /** @return false on a name clash with a sibling */
    private boolean update(ObjectId id, Bson change) {
        try {
            return folders.updateOne(eq("_id", id), change).getMatchedCount() == 1;
        } catch (MongoWriteException e) {
            if (DuplicateKeys.isDuplicateKey(e)) {
                return false;
            }
            throw e;
        }
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    private static String parentKey(ObjectId parentId) {
        return parentId == null ? TOP : parentId.toHexString();
    }

    private static Folder toFolder(Document d) {
        return new Folder(d.getObjectId("_id"), d.getString("name"), d.getString("owner"), d.getObjectId("parentId"),
                d.getDate("createdAt").toInstant(), d.getList(SHARED_WITH, String.class),
                d.getList(CONTRIBUTORS, String.class), Boolean.TRUE.equals(d.getBoolean(OTHERS_ADD)));
    }
}
