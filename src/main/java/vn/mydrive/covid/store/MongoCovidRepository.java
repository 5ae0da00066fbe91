package vn.mydrive.covid.store;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import vn.mydrive.covid.CovidDataset;
import vn.mydrive.covid.CovidRepository;
import vn.mydrive.covid.DailyFigure;
import vn.mydrive.covid.Province;
import vn.mydrive.covid.ProvinceTotal;
import vn.mydrive.covid.RefreshRun;
import vn.mydrive.platform.store.DuplicateKeys;
import vn.mydrive.platform.store.MongoStore;

/**
 * The COVID data in MongoDB: provinces ({@code covid_provinces}, by code), one document per province per day
 * ({@code covid_daily}, by "code:yyyy-mm-dd", so a (province, day) lookup is one exact key), reported totals
 * ({@code covid_totals}), the data's version and freshness ({@code covid_meta}), refresh runs
 * ({@code covid_runs}) and the refresh lease ({@code covid_lease}).
 */
@ApplicationScoped
public class MongoCovidRepository implements CovidRepository {

    private static final int BATCH = 1000;
    private static final String META = "dataset";
    private static final int RUNS_KEPT = 500;

    @Inject
    MongoStore store;

    private MongoCollection<Document> provinces;
    private MongoCollection<Document> daily;
    private MongoCollection<Document> totals;
    private MongoCollection<Document> meta;
    private MongoCollection<Document> runs;
    private MongoCollection<Document> lease;

    @PostConstruct
    void open() {
        provinces = store.collection("covid_provinces");
        daily = store.collection("covid_daily");
        totals = store.collection("covid_totals");
        meta = store.collection("covid_meta");
        runs = store.collection("covid_runs");
        lease = store.collection("covid_lease");
    }

    private static String dailyKey(int code, LocalDate date) {
        return code + ":" + date;
    }

    @Override
    public boolean snapshotLoaded() {
        Document d = meta.find(eq("_id", META)).first();
        return d != null && Boolean.TRUE.equals(d.getBoolean("snapshotLoaded"));
    }

    @Override
    public void markSnapshotLoaded() {
        meta.updateOne(eq("_id", META), Updates.set("snapshotLoaded", true), new com.mongodb.client.model.UpdateOptions().upsert(true));
    }

    @Override
    public void saveProvinces(List<Province> list) {
        List<WriteModel<Document>> writes = new ArrayList<>();
        for (Province p : list) {
            writes.add(new ReplaceOneModel<>(eq("_id", p.code()), new Document("_id", p.code())
                    .append("name", p.name()).append("aliases", p.aliases()), new ReplaceOptions().upsert(true)));
        }
        provinces.bulkWrite(writes, new BulkWriteOptions().ordered(false));
    }

    @Override
    public int insertMissing(List<DailyFigure> rows, String source) {
        int inserted = 0;
        for (int start = 0; start < rows.size(); start += BATCH) {
            List<Document> batch = rows.subList(start, Math.min(rows.size(), start + BATCH)).stream()
                    .map(f -> toDocument(f, source)).toList();
            try {
                daily.insertMany(batch, new com.mongodb.client.model.InsertManyOptions().ordered(false));
                inserted += batch.size();
            } catch (MongoBulkWriteException e) {
                if (!DuplicateKeys.isDuplicateKey(e)) {
                    throw e;
                }
                inserted += e.getWriteResult().getInsertedCount();
            }
        }
        return inserted;
    }

    @Override
    public void saveDaily(List<DailyFigure> rows, String source) {
        for (int start = 0; start < rows.size(); start += BATCH) {
            List<WriteModel<Document>> writes = new ArrayList<>();
            for (DailyFigure f : rows.subList(start, Math.min(rows.size(), start + BATCH))) {
                writes.add(new ReplaceOneModel<>(eq("_id", dailyKey(f.code(), f.date())), toDocument(f, source),
                        new ReplaceOptions().upsert(true)));
            }
            daily.bulkWrite(writes, new BulkWriteOptions().ordered(false));
        }
    }

    @Override
    public void saveTotals(List<ProvinceTotal> rows) {
        List<WriteModel<Document>> writes = new ArrayList<>();
        for (ProvinceTotal t : rows) {
            writes.add(new ReplaceOneModel<>(eq("_id", t.code()), new Document("_id", t.code())
                    .append("cases", t.cases()).append("deaths", t.deaths()).append("recovered", t.recovered())
                    .append("source", t.source()).append("asOf", Date.from(t.asOf())),
                    new ReplaceOptions().upsert(true)));
        }
        if (!writes.isEmpty()) {
            totals.bulkWrite(writes, new BulkWriteOptions().ordered(false));
        }
    }

    @Override
    public long bumpVersion(String source, Instant at) {
        Document after = meta.findOneAndUpdate(eq("_id", META), Updates.combine(Updates.inc("version", 1L),
                        Updates.set("lastSource", source), Updates.set("lastRefresh", Date.from(at))),
                new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
        return after.getLong("version");
    }

    @Override
    public long version() {
        Document d = meta.find(eq("_id", META)).first();
        return d == null || d.get("version") == null ? 0 : d.getLong("version");
    }

    @Override
    public CovidDataset load() {
        List<Province> provinceList = provinces.find().sort(Sorts.ascending("_id")).map(d -> new Province(
                d.getInteger("_id"), d.getString("name"), d.getList("aliases", String.class, List.of())))
                .into(new ArrayList<>());
        List<DailyFigure> rows = daily.find().batchSize(5000).map(MongoCovidRepository::toFigure).into(new ArrayList<>());
        List<ProvinceTotal> totalList = totals.find().map(d -> new ProvinceTotal(d.getInteger("_id"),
                d.getLong("cases"), d.getLong("deaths"), d.getLong("recovered"), d.getString("source"),
                d.getDate("asOf").toInstant())).into(new ArrayList<>());
        Document m = meta.find(eq("_id", META)).first();
        CovidDataset.Freshness freshness = m == null || m.getDate("lastRefresh") == null
                ? new CovidDataset.Freshness(null, null)
                : new CovidDataset.Freshness(m.getDate("lastRefresh").toInstant(), m.getString("lastSource"));
        return new CovidDataset(provinceList, rows, totalList, freshness);
    }

    // ---------------------------------------------------------------- runs

    @Override
    public void recordRun(RefreshRun run) {
        runs.insertOne(new Document("source", run.source())
                .append("node", run.node())
                .append("startedAt", Date.from(run.startedAt()))
                .append("endedAt", Date.from(run.endedAt()))
                .append("outcome", run.outcome().name())
                .append("rowsChanged", run.rowsChanged())
                .append("message", run.message()));
    }

    @Override
    public List<RefreshRun> recentRuns(int limit) {
        return runs.find().sort(Sorts.descending("_id")).limit(limit).map(d -> new RefreshRun(d.getString("source"),
                d.getString("node"), d.getDate("startedAt").toInstant(), d.getDate("endedAt").toInstant(),
                RefreshRun.Outcome.valueOf(d.getString("outcome")), d.getInteger("rowsChanged", 0),
                d.getString("message"))).into(new ArrayList<>());
    }

    @Override
    public void trimRuns() {
        long count = runs.countDocuments();
        if (count > RUNS_KEPT) {
            runs.find().sort(Sorts.ascending("_id")).limit((int) (count - RUNS_KEPT)).projection(new Document("_id", 1))
                    .forEach(d -> runs.deleteOne(eq("_id", d.get("_id"))));
        }
    }

    // ---------------------------------------------------------------- lease

    @Override
    public boolean takeLease(String node, Duration length) {
        Date now = new Date();
        Date until = Date.from(Instant.now().plus(length));
        try {
            Document taken = lease.findOneAndUpdate(
                    new Document("_id", "refresh").append("$or", List.of(new Document("until", new Document("$lt", now)),
                            new Document("holder", node))),
                    Updates.combine(Updates.set("holder", node), Updates.set("until", until)),
                    new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
            return taken != null && node.equals(taken.getString("holder"));
        } catch (MongoWriteException e) {
            if (DuplicateKeys.isDuplicateKey(e)) {
                return false;
            }
            throw e;
        } catch (com.mongodb.MongoCommandException e) {
            // findAndModify reports a duplicate key as a command error.
            if (e.getErrorCode() == 11000) {
                return false;
            }
            throw e;
        }
    }

    @Override
    public void releaseLease(String node) {
        lease.deleteOne(new Document("_id", "refresh").append("holder", node));
    }

    private static Document toDocument(DailyFigure f, String source) {
        return new Document("_id", dailyKey(f.code(), f.date()))
                .append("code", f.code())
                .append("date", f.date().toString())
                .append("newCases", f.newCases())
                .append("newDeaths", f.newDeaths())
                .append("source", source);
    }

    private static DailyFigure toFigure(Document d) {
        return new DailyFigure(d.getInteger("code"), LocalDate.parse(d.getString("date")),
                (Long) toLong(d.get("newCases")), (Long) toLong(d.get("newDeaths")));
    }

    private static Long toLong(Object value) {
        return value == null ? null : ((Number) value).longValue();
    }
}
