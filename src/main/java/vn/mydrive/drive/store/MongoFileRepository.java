package vn.mydrive.drive.store;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;
import static com.mongodb.client.model.Filters.gt;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lte;
import static com.mongodb.client.model.Filters.ne;
import static com.mongodb.client.model.Filters.or;
import static com.mongodb.client.model.Filters.type;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.bson.BsonType;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.ObjectId;
import vn.mydrive.drive.FileNames;
import vn.mydrive.drive.FileQuery;
import vn.mydrive.drive.FileRepository;
import vn.mydrive.drive.FolderTotals;
import vn.mydrive.drive.ForeignFile;
import vn.mydrive.drive.OwnerFiles;
import vn.mydrive.drive.StoredFile;
import vn.mydrive.drive.TrashedFolder;
import vn.mydrive.drive.Visibility;
import vn.mydrive.platform.security.AccountKey;
import vn.mydrive.platform.store.DuplicateKeys;
import vn.mydrive.platform.store.MongoStore;

/**
 * Whole files as GridFS {@code fs.files} documents (_id, length, chunkSize, uploadDate, filename), with the
 * drive's own fields under {@code metadata}, so standard GridFS tools can still read the bucket. A document
 * is inserted only after all of a file's chunks are stored and verified, so listing never shows a partial
 * file.
 */
@ApplicationScoped
public class MongoFileRepository implements FileRepository {

    /** Set while the file is in its owner's trash: when it went there (the purge counts from it). */
    private static final String TRASHED_AT = "metadata.trashedAt";
    private static final String TRASHED_FROM = "metadata.trashedFrom";
    /** The deleted folder a trashed file went with, and that folder's path: the trash shows them as one item. */
    private static final String TRASHED_WITH = "metadata.trashedWith";
    private static final String TRASHED_WITH_PATH = "metadata.trashedWithPath";

    /** The owner's folder the file is in; null or missing (every file written before folders) is the top. */
    private static final String FOLDER_ID = "metadata.folderId";

    /** Why the bucket check will not show a file another client wrote (missing chunks, wrong length...). */
    private static final String UNREADABLE = "metadata.unreadable";

    /** Only files whose id is an ObjectId, as every GridFS client makes them: the drive names files by one. */
    private static final Bson OBJECT_ID = type("_id", BsonType.OBJECT_ID);

    /** The account keys of the people the owner shared the file with by name. */
    private static final String SHARED_WITH = "metadata.sharedWith";

    @Inject
    MongoStore store;

    private MongoCollection<Document> files;

    @PostConstruct
    void open() {
        files = store.collection("fs.files");
        // Used by MongoDB; the embedded store answers these queries by scanning.
        files.createIndex(Indexes.ascending("filename", "uploadDate"));
        files.createIndex(Indexes.ascending("metadata.ownerKey", "uploadDate"));
        files.createIndex(Indexes.ascending("metadata.trashedAt"));
        files.createIndex(Indexes.ascending(TRASHED_WITH));
        files.createIndex(Indexes.ascending("metadata.ownerKey", FOLDER_ID));
        files.createIndex(Indexes.ascending(FOLDER_ID));
        files.createIndex(Indexes.ascending(SHARED_WITH));
    }

    @Override
    public boolean insert(StoredFile file) {
        return DuplicateKeys.insertIfNew(files, new Document("_id", file.id())
                .append("length", file.size())
                .append("chunkSize", file.chunkSize())
                .append("uploadDate", Date.from(file.uploadDate()))
                .append("filename", file.name())
                .append("metadata", ownerFields(file.owner()).append("visibility", file.visibility().wireName())
                        .append("sha256", file.sha256())
                        .append("contentType", file.contentType())
                        .append("searchName", FileNames.searchable(file.name()))
                        .append("folderId", file.folderId())));
    }

    /** The fields of {@code metadata} that say whose a file is: written by an upload, and by adopting a file. */
    private static Document ownerFields(String owner) {
        return new Document("owner", owner).append("ownerKey", AccountKey.of(owner));
    }

    @Override
    public Optional<StoredFile> find(ObjectId id) {
        return Optional.ofNullable(files.find(eq("_id", id)).first()).map(MongoFileRepository::toFile);
    }

    @Override
    public List<StoredFile> find(FileQuery query) {
        Document filter = filter(query);
        if (filter == null) {
            return List.of();
        }
        Bson order = query.ascending()
                ? Sorts.ascending(field(query.sort()), "_id")
                : Sorts.descending(field(query.sort()), "_id");
        return files.find(filter).sort(order).skip(query.offset()).limit(query.limit())
                .batchSize(Math.max(1, query.limit()))
                .map(MongoFileRepository::toFile).into(new ArrayList<>());
    }

    @Override
    public long count(FileQuery query) {
        Document filter = filter(query);
        return filter == null ? 0 : files.countDocuments(filter);
    }

    private static String field(FileQuery.Sort sort) {
        return switch (sort) {
            case NAME -> "metadata.searchName";
            case OWNER -> "metadata.ownerKey";
            case SIZE -> "length";
            case UPLOAD_DATE -> "uploadDate";
            case TRASHED_AT -> TRASHED_AT;
        };
    }

    /** The filter for a query, or null when it can select nothing. */
    private static Document filter(FileQuery query) {
        FileQuery.Scope scope = query.scope();
        boolean ownOnly = scope == FileQuery.Scope.MINE || scope == FileQuery.Scope.TRASH;
        if (ownOnly && query.ownerKey() != null && !query.ownerKey().equals(query.viewerKey())) {
            return null;
        }
        if (scope == FileQuery.Scope.IN_FOLDER && (!query.inFolder() || query.folderId() == null)) {
            return null; // a folder's files, never the whole bucket
        }
        Document filter = new Document();
        if (scope == FileQuery.Scope.SHARED_WITH_ME) {
            filter.append(SHARED_WITH, query.viewerKey());
        }
        String owner = switch (scope) {
            case ALL, SHARED_WITH_ME, IN_FOLDER -> query.ownerKey();
            case MINE, TRASH -> query.viewerKey();
        };
        if (owner != null) {
            filter.append("metadata.ownerKey", owner);
        }
        if (scope == FileQuery.Scope.ALL) {
            filter.append("$or", List.of(new Document("metadata.visibility", Visibility.SHARED.wireName()),
                    new Document("metadata.ownerKey", query.viewerKey()),
                    new Document(SHARED_WITH, query.viewerKey())));
        }
        filter.append(TRASHED_AT, new Document("$exists", scope == FileQuery.Scope.TRASH));
        if (query.inFolder() && scope == FileQuery.Scope.TRASH) {
            filter.append(TRASHED_WITH, query.folderId()); // in the trash, a folder is a deleted one (null: none)
        } else if (query.inFolder()) {
            filter.append(FOLDER_ID, query.folderId());
        }
        if (query.nameFilter() != null && !query.nameFilter().isBlank()) {
            filter.append("metadata.searchName",
                    new Document("$regex", Pattern.quote(FileNames.searchable(query.nameFilter().strip()))));
        }
        return filter;
    }

    @Override
    public void rename(ObjectId id, String name) {
        files.updateOne(eq("_id", id), Updates.combine(Updates.set("filename", name),
                Updates.set("metadata.searchName", FileNames.searchable(name))));
    }

    @Override
    public void setVisibility(ObjectId id, Visibility visibility) {
        files.updateOne(eq("_id", id), Updates.set("metadata.visibility", visibility.wireName()));
    }

    @Override
    public boolean addPerson(ObjectId id, String accountKey) {
        return files.updateOne(and(eq("_id", id), ne(SHARED_WITH, accountKey)), Updates.addToSet(SHARED_WITH, accountKey))
                .getModifiedCount() == 1;
    }

    @Override
    public boolean removePerson(ObjectId id, String accountKey) {
        return files.updateOne(and(eq("_id", id), eq(SHARED_WITH, accountKey)), Updates.pull(SHARED_WITH, accountKey))
                .getModifiedCount() == 1;
    }

    @Override
    public void removePersonEverywhere(String accountKey) {
        files.updateMany(eq(SHARED_WITH, accountKey), Updates.pull(SHARED_WITH, accountKey));
    }

    @Override
    public void moveToFolder(ObjectId id, ObjectId folderId) {
        files.updateOne(eq("_id", id), Updates.set(FOLDER_ID, folderId));
    }

    @Override
    public void moveAllToTop(ObjectId folderId) {
        files.updateMany(eq(FOLDER_ID, folderId), Updates.set(FOLDER_ID, null));
    }

    @Override
    public long countInFolder(ObjectId folderId) {
        return files.countDocuments(and(eq(FOLDER_ID, folderId), exists(TRASHED_AT, false)));
    }

    @Override
    public Map<ObjectId, FolderTotals> totalsByFolder(String ownerKey, Collection<ObjectId> othersAdd) {
        Map<ObjectId, FolderTotals> totals = new HashMap<>();
        // By owner first: the embedded store tests an $in of every folder against each document, which made the
        // folder page several times slower; the few folders others add to are the only ones looked up by id.
        Bson whose = othersAdd.isEmpty() ? eq("metadata.ownerKey", ownerKey)
                : or(eq("metadata.ownerKey", ownerKey), in(FOLDER_ID, othersAdd));
        files.aggregate(List.of(
                Aggregates.match(and(whose, exists(TRASHED_AT, false), ne(FOLDER_ID, null))),
                Aggregates.group("$" + FOLDER_ID, Accumulators.sum("files", 1), Accumulators.sum("bytes", "$length"))))
                .forEach(d -> totals.put(d.getObjectId("_id"), new FolderTotals(((Number) d.get("files")).longValue(),
                        ((Number) d.get("bytes")).longValue())));
        return totals;
    }

    @Override
    public boolean trash(ObjectId id, Instant at, List<String> from, TrashedFolder.Origin with) {
        List<Bson> changes = new ArrayList<>(List.of(Updates.set(TRASHED_AT, Date.from(at)),
                Updates.set(TRASHED_FROM, from)));
        if (with != null) {
            changes.add(Updates.set(TRASHED_WITH, with.id()));
            changes.add(Updates.set(TRASHED_WITH_PATH, with.path()));
        }
        return files.updateOne(and(eq("_id", id), exists(TRASHED_AT, false)), Updates.combine(changes))
                .getModifiedCount() == 1;
    }

    @Override
    public List<TrashedFolder> trashedFolders(String ownerKey) {
        List<TrashedFolder> found = new ArrayList<>();
        files.aggregate(List.of(
                Aggregates.match(and(eq("metadata.ownerKey", ownerKey), exists(TRASHED_AT, true),
                        ne(TRASHED_WITH, null))),
                Aggregates.group("$" + TRASHED_WITH, Accumulators.sum("files", 1),
                        Accumulators.sum("bytes", "$length"), Accumulators.max("trashedAt", "$" + TRASHED_AT),
                        Accumulators.first("path", "$" + TRASHED_WITH_PATH))))
                .forEach(d -> found.add(new TrashedFolder(d.getObjectId("_id"), d.getList("path", String.class),
                        ((Number) d.get("files")).longValue(), ((Number) d.get("bytes")).longValue(),
                        d.getDate("trashedAt").toInstant())));
        found.sort(Comparator.comparing(TrashedFolder::trashedAt).reversed());
        return found;
    }

    @Override
    public boolean restore(ObjectId id) {
        return files.updateOne(and(eq("_id", id), exists(TRASHED_AT, true)),
                Updates.combine(Updates.unset(TRASHED_AT), Updates.unset(TRASHED_FROM), Updates.unset(TRASHED_WITH),
                        Updates.unset(TRASHED_WITH_PATH)))
                .getModifiedCount() == 1;
    }

    @Override
    public boolean deleteTrashed(ObjectId id, Instant trashedBefore) {
        return files.deleteOne(and(eq("_id", id), lte(TRASHED_AT, Date.from(trashedBefore)))).getDeletedCount() == 1;
    }

    @Override
    public boolean delete(ObjectId id) {
        return files.deleteOne(eq("_id", id)).getDeletedCount() == 1;
    }

    @Override
    public List<StoredFile> trashedBefore(Instant trashedBefore, int limit) {
        return files.find(lte(TRASHED_AT, Date.from(trashedBefore))).sort(Sorts.ascending(TRASHED_AT)).limit(limit)
                .map(MongoFileRepository::toFile).into(new ArrayList<>());
    }

    @Override
    public long count() {
        return files.estimatedDocumentCount();
    }

    /**
     * A file as the list shows it, whoever wrote it: every field another GridFS client may leave out or write in
     * another type ({@code length} as int32 or double, no {@code uploadDate}, no {@code metadata}) has a reading.
     */
    private static StoredFile toFile(Document d) {
        Document meta = d.get("metadata") instanceof Document m ? m : new Document();
        ForeignFile gridFs = toForeign(d);
        return new StoredFile(gridFs.id(), gridFs.name(), meta.getString("owner"), Math.max(0, gridFs.size()),
                gridFs.uploadDate(), meta.getString("sha256"), meta.getString("contentType"),
                Visibility.parse(meta.getString("visibility")), Math.max(1, gridFs.chunkSize()),
                Optional.ofNullable(meta.getDate("trashedAt")).map(Date::toInstant).orElse(null),
                meta.getObjectId("folderId"), meta.getList("sharedWith", String.class, List.of()),
                meta.getList("trashedFrom", String.class, List.of()));
    }

    private static ForeignFile toForeign(Document d) {
        ObjectId id = d.getObjectId("_id");
        Document meta = d.get("metadata") instanceof Document m ? m : new Document();
        return new ForeignFile(id, d.get("filename") instanceof String name ? name : id.toHexString(),
                whole(d.get("length")), (int) Math.min(Integer.MAX_VALUE, whole(d.get("chunkSize"))),
                d.get("uploadDate") instanceof Date date ? date.toInstant() : id.getDate().toInstant(),
                d.get("contentType") instanceof String type ? type : text(meta.get("contentType")),
                text(d.get("md5")), originalOwner(d.get("owner")));
    }

    /** A top-level {@code owner} as adoption reads it: a string that is not blank, else none (null). */
    private static String originalOwner(Object value) {
        String owner = text(value);
        return owner == null || owner.isBlank() ? null : owner;
    }

    /** A whole, non-negative number of any BSON number type, or -1. */
    private static long whole(Object value) {
        if (value instanceof Integer || value instanceof Long) {
            return Math.max(-1, ((Number) value).longValue());
        }
        if (value instanceof Double number && number >= 0 && number == Math.rint(number) && number < Long.MAX_VALUE) {
            return number.longValue();
        }
        return -1;
    }

    private static String text(Object value) {
        return value instanceof String s ? s : null;
    }

    // ---- files other GridFS clients wrote

    /** What the bucket check has yet to read: another client's files (no sha256), not yet found unreadable. */
    private static Bson unchecked() {
        return and(exists("metadata.sha256", false), exists(UNREADABLE, false), OBJECT_ID,
                or(exists("metadata", false), type("metadata", BsonType.DOCUMENT)));
    }

    /** Checked files nobody owns yet: another client's, read through and whole, never adopted. */
    private static Bson unowned() {
        return and(exists("metadata.sha256", true), exists("metadata.ownerKey", false), exists(UNREADABLE, false),
                OBJECT_ID);
    }

    private List<ForeignFile> page(Bson filter, ObjectId after, int limit) {
        return files.find(after == null ? filter : and(filter, gt("_id", after))).sort(Sorts.ascending("_id"))
                .limit(limit).batchSize(limit).map(MongoFileRepository::toForeign).into(new ArrayList<>());
    }

    @Override
    public List<ForeignFile> unchecked(ObjectId after, int limit) {
        return page(unchecked(), after, limit);
    }

    @Override
    public long countUnchecked() {
        return files.countDocuments(unchecked());
    }

    @Override
    public boolean recordChecked(StoredFile file) {
        Document fields = new Document("visibility", file.visibility().wireName()).append("sha256", file.sha256())
                .append("contentType", file.contentType()).append("searchName", FileNames.searchable(file.name()));
        return setMetadata(and(eq("_id", file.id()), exists("metadata.sha256", false)), fields);
    }

    @Override
    public boolean recordUnreadable(ObjectId id, String reason) {
        return setMetadata(and(eq("_id", id), exists("metadata.sha256", false), exists(UNREADABLE, false)),
                new Document("unreadable", reason));
    }

    @Override
    public long countUnreadable() {
        return files.countDocuments(exists(UNREADABLE, true));
    }

    @Override
    public List<ForeignFile> unowned(ObjectId after, int limit) {
        return page(unowned(), after, limit);
    }

    @Override
    public long countUnowned() {
        return files.countDocuments(unowned());
    }

    /**
     * One {@code $group} by the raw {@code owner} (the embedded store runs it too): only one document per owner
     * comes back, not every file. Values that read as no owner (missing, blank, not a string) come back as groups
     * of their own and are added up here.
     */
    @Override
    public List<OwnerFiles> unownedByOwner() {
        Map<String, OwnerFiles> byOwner = new TreeMap<>(Comparator.nullsFirst(Comparator.naturalOrder()));
        files.aggregate(List.of(Aggregates.match(unowned()),
                        Aggregates.group("$owner", Accumulators.sum("files", 1), Accumulators.sum("bytes", "$length"))))
                .forEach(d -> {
                    String owner = originalOwner(d.get("_id"));
                    byOwner.merge(owner, new OwnerFiles(owner, ((Number) d.get("files")).longValue(),
                            ((Number) d.get("bytes")).longValue()), OwnerFiles::plus);
                });
        return List.copyOf(byOwner.values());
    }

    @Override
    public boolean adopt(ObjectId id, String owner) {
        return setMetadata(and(eq("_id", id), unowned()), ownerFields(owner));
    }

    /** Sets these fields under {@code metadata}, leaving every other field as it is, if the filter matches. */
    private boolean setMetadata(Bson filter, Document fields) {
        List<Bson> sets = new ArrayList<>();
        fields.forEach((name, value) -> sets.add(Updates.set("metadata." + name, value)));
        return files.updateOne(filter, Updates.combine(sets)).getModifiedCount() == 1;
    }
}
