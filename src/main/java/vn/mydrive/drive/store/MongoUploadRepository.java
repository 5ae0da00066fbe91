package vn.mydrive.drive.store;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.bson.types.ObjectId;
import vn.mydrive.drive.OpenUpload;
import vn.mydrive.drive.Upload;
import vn.mydrive.drive.UploadRepository;
import vn.mydrive.drive.Visibility;
import vn.mydrive.platform.security.AccountKey;
import vn.mydrive.platform.store.DuplicateKeys;
import vn.mydrive.platform.store.MongoStore;

/**
 * Uploads ({@code uploads}): one document each, holding which segments are stored. Marking a segment is one
 * atomic update that adds it only if absent, so a repeated segment is counted once and the one update that
 * brings the count to the total is the one that completes the file, on any node. A completed upload keeps a
 * small record (its resume key and the file's id, which is its own) for as long as the file exists unchanged,
 * so the same upload sent again, after its {@code complete} was lost, is answered with that file.
 */
@ApplicationScoped
public class MongoUploadRepository implements UploadRepository {

    @Inject
    MongoStore store;

    private MongoCollection<Document> uploads;

    @PostConstruct
    void open() {
        uploads = store.collection("uploads");
        uploads.createIndex(Indexes.ascending("resumeKey"), new IndexOptions().unique(true));
    }

    @Override
    public boolean insert(Upload upload, Instant expiresAt) {
        return DuplicateKeys.insertIfNew(uploads, new Document("_id", upload.id())
                .append("resumeKey", upload.resumeKey())
                .append("owner", upload.owner())
                .append("ownerKey", AccountKey.of(upload.owner()))
                .append("filename", upload.name())
                .append("size", upload.size())
                .append("contentType", upload.contentType())
                .append("lastModified", upload.lastModified())
                .append("fingerprint", upload.fingerprint())
                .append("sha256", upload.sha256())
                .append("visibility", upload.visibility().wireName())
                .append("chunkSize", upload.chunkSize())
                .append("segmentSize", upload.segmentSize())
                .append("createdAt", Date.from(upload.createdAt()))
                .append("expiresAt", Date.from(expiresAt))
                .append("received", List.of())
                .append("receivedCount", 0)
                .append("completed", false)
                .append("folderId", upload.folderId()));
    }

    @Override
    public Optional<Upload> find(ObjectId id) {
        return Optional.ofNullable(uploads.find(eq("_id", id)).projection(Projections.exclude("received")).first())
                .map(MongoUploadRepository::toUpload);
    }

    @Override
    public Optional<Upload> findByResumeKey(String resumeKey) {
        return Optional.ofNullable(uploads.find(eq("resumeKey", resumeKey)).projection(Projections.exclude("received"))
                .first()).map(MongoUploadRepository::toUpload);
    }

    @Override
    public Optional<Integer> markReceived(ObjectId id, int index, Instant expiresAt) {
        Document after = uploads.findOneAndUpdate(
                new Document("_id", id).append("received", new Document("$ne", index)),
                Updates.combine(Updates.push("received", index), Updates.inc("receivedCount", 1),
                        Updates.set("expiresAt", Date.from(expiresAt))),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER)
                        .projection(Projections.include("receivedCount")));
        return after == null ? Optional.empty() : Optional.of(after.getInteger("receivedCount"));
    }

    @Override
    public int receivedCount(ObjectId id) {
        Document d = uploads.find(eq("_id", id)).projection(Projections.include("receivedCount")).first();
        return d == null ? 0 : d.getInteger("receivedCount", 0);
    }

    @Override
    public void markCompleted(ObjectId id) {
        uploads.updateOne(eq("_id", id), Updates.combine(Updates.set("completed", true),
                Updates.unset("expiresAt"), Updates.set("received", List.of())));
    }

    @Override
    public void forgetCompleted(ObjectId id) {
        uploads.deleteOne(new Document("_id", id).append("completed", true));
    }

    @Override
    public List<Integer> received(ObjectId id) {
        Document d = uploads.find(eq("_id", id)).projection(Projections.include("received")).first();
        return d == null ? List.of() : d.getList("received", Integer.class, List.of());
    }

    @Override
    public void touch(ObjectId id, Instant expiresAt) {
        uploads.updateOne(eq("_id", id), Updates.set("expiresAt", Date.from(expiresAt)));
    }

    @Override
    public boolean delete(ObjectId id) {
        return uploads.deleteOne(eq("_id", id)).getDeletedCount() == 1;
    }

    @Override
    public long countOpen(String ownerKey) {
        return uploads.countDocuments(new Document("ownerKey", ownerKey).append("completed", new Document("$ne", true)));
    }

    @Override
    public List<OpenUpload> openBy(String ownerKey) {
        return uploads.find(new Document("ownerKey", ownerKey).append("completed", new Document("$ne", true)))
                .projection(Projections.exclude("received"))
                .sort(Sorts.ascending("createdAt"))
                .map(d -> new OpenUpload(toUpload(d), d.getInteger("receivedCount", 0),
                        d.getDate("expiresAt").toInstant()))
                .into(new ArrayList<>());
    }

    @Override
    public List<Upload> expiredBefore(Instant now) {
        return uploads.find(new Document("expiresAt", new Document("$lt", Date.from(now)))
                        .append("completed", new Document("$ne", true)))
                .projection(Projections.exclude("received"))
                .map(MongoUploadRepository::toUpload).into(new ArrayList<>());
    }

    private static Upload toUpload(Document d) {
        return new Upload(d.getObjectId("_id"), d.getString("resumeKey"), d.getString("owner"),
                d.getString("filename"), ((Number) d.get("size")).longValue(), d.getString("contentType"),
                ((Number) d.get("lastModified")).longValue(), d.getString("fingerprint"), d.getString("sha256"),
                Visibility.parse(d.getString("visibility")), d.getInteger("chunkSize"), d.getInteger("segmentSize"),
                d.getDate("createdAt").toInstant(), d.getBoolean("completed", false), d.getObjectId("folderId"));
    }
}
