package vn.mydrive.drive.store;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.bson.types.ObjectId;
import vn.mydrive.drive.Link;
import vn.mydrive.drive.LinkRepository;
import vn.mydrive.platform.store.MongoStore;

/** Public links as {@code fs.links} documents beside the bucket's {@code fs.files}, one per link. */
@ApplicationScoped
public class MongoLinkRepository implements LinkRepository {

    @Inject
    MongoStore store;

    private static final String FILE_ID = "fileId";
    private static final String FOLDER_ID = "folderId";

    private MongoCollection<Document> links;

    @PostConstruct
    void open() {
        links = store.collection("fs.links");
        links.createIndex(Indexes.ascending("token"), new IndexOptions().unique(true));
        links.createIndex(Indexes.ascending(FILE_ID));
        links.createIndex(Indexes.ascending(FOLDER_ID));
    }

    @Override
    public void insert(Link link) {
        links.insertOne(new Document("_id", link.id())
                .append("token", link.token())
                .append(link.isToFolder() ? FOLDER_ID : FILE_ID, link.isToFolder() ? link.folderId() : link.fileId())
                .append("ownerKey", link.ownerKey())
                .append("createdAt", Date.from(link.createdAt()))
                .append("expiresAt", link.expiresAt() == null ? null : Date.from(link.expiresAt()))
                .append("passwordHash", link.passwordHash())
                .append("downloads", 0L));
    }

    @Override
    public Optional<Link> find(ObjectId id) {
        return Optional.ofNullable(links.find(eq("_id", id)).first()).map(MongoLinkRepository::toLink);
    }

    @Override
    public Optional<Link> findByToken(String token) {
        return Optional.ofNullable(links.find(eq("token", token)).first()).map(MongoLinkRepository::toLink);
    }

    @Override
    public List<Link> forFile(ObjectId fileId) {
        return linksTo(FILE_ID, fileId);
    }

    @Override
    public long countForFile(ObjectId fileId) {
        return links.countDocuments(eq(FILE_ID, fileId));
    }

    @Override
    public List<Link> forFolder(ObjectId folderId) {
        return linksTo(FOLDER_ID, folderId);
    }

    @Override
    public long countForFolder(ObjectId folderId) {
        return links.countDocuments(eq(FOLDER_ID, folderId));
    }

    private List<Link> linksTo(String field, ObjectId id) {
        return links.find(eq(field, id)).sort(Sorts.descending("createdAt", "_id"))
                .map(MongoLinkRepository::toLink).into(new ArrayList<>());
    }

    @Override
    public boolean delete(ObjectId id) {
        return links.deleteOne(eq("_id", id)).getDeletedCount() == 1;
    }

    @Override
    public void deleteForFile(ObjectId fileId) {
        links.deleteMany(eq(FILE_ID, fileId));
    }

    @Override
    public void countDownload(ObjectId id) {
        links.updateOne(eq("_id", id), Updates.inc("downloads", 1L));
    }

    private static Link toLink(Document d) {
        Date expires = d.getDate("expiresAt");
        return new Link(d.getObjectId("_id"), d.getString("token"), d.getObjectId(FILE_ID), d.getObjectId(FOLDER_ID),
                d.getString("ownerKey"),
                d.getDate("createdAt").toInstant(), expires == null ? null : expires.toInstant(),
                d.getString("passwordHash"), ((Number) d.get("downloads")).longValue());
    }
}
