package vn.mydrive.drive;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.bson.types.ObjectId;
import vn.mydrive.drive.DriveExceptions.NoSuchPersonException;
import vn.mydrive.platform.concurrent.Workers;
import vn.mydrive.platform.events.Activity;
import vn.mydrive.platform.security.AccountDirectory;
import vn.mydrive.platform.security.AccountKey;

/**
 * Files other GridFS clients wrote into the bucket (pymongo's {@code fs.put}, {@code mongofiles}, the original
 * MyDrive): the <b>check</b> reads each one through once, chunk by chunk by key, and either records it as whole (its
 * SHA-256, search name and content type under {@code metadata}, shared with everyone signed in, owned by nobody yet)
 * or marks it unreadable with the reason (missing or wrong-sized chunks, a length its chunks do not make, an
 * {@code md5} that differs), logged once; <b>adoption</b> then gives each checked file whose top-level {@code owner}
 * names an account that owner, as an upload records one. Owners with no account are listed as unclaimed, and an
 * admin assigns their files to an account. Chunks are never written and nothing is deleted.
 *
 * <p>Everything is kept in the files' documents, so a run is resumable (the next one goes on where it stopped),
 * idempotent (a second run finds nothing left to do) and safe on several nodes: each file is recorded and adopted
 * by one conditional update, which one node wins. Runs on one node take turns; a run asked for while another waits
 * joins it.
 *
 * <p>Every adoption run and every assignment is written to the activity log ({@code FILES_ADOPTED},
 * {@code FILES_ASSIGNED}): who asked, how many files went to which account.
 */
@ApplicationScoped
public class BucketCheck {

    private static final Logger LOG = Logger.getLogger(BucketCheck.class.getName());
    private static final int PAGE = 100;

    @Inject
    FileRepository files;

    @Inject
    ChunkRepository chunks;

    @Inject
    UsageRepository usage;

    @Inject
    AccountDirectory accounts;

    @Inject
    Event<Activity> activity;

    @Resource(lookup = Workers.JNDI_NAME)
    ManagedExecutorService executor;

    /** What a run does: read the files not yet checked, or that and then adopt the checked ones. */
    public enum Kind { CHECK, ADOPT }

    /**
     * What one run did. {@code checked} files were found whole and {@code unreadable} were not (by this run; a file
     * another node recorded first is in neither); {@code adopted} were given to their owner's account.
     */
    public record Report(Kind kind, Instant startedAt, Instant finishedAt, long checked, long unreadable,
                         long adopted, String failure) {
    }

    /** Where the run under way is: its phase ({@code checking}, {@code adopting}), files done of those it found. */
    public record Progress(Kind kind, String phase, long done, long total, Instant startedAt) {
    }

    /**
     * Who asked for a run or an assignment, as the activity log names them: an admin and their address, or
     * {@link #START_UP} for the run the server starts by itself.
     */
    public record Asker(String username, String clientAddress) {

        /** The runs the server starts (at start-up and on its timer): nobody asked. */
        public static final Asker START_UP = new Asker(null, null);
    }

    private CompletableFuture<Report> last = CompletableFuture.completedFuture(null);
    private CompletableFuture<Report> waiting;
    private Kind waitingKind;
    private volatile Progress progress;
    private volatile Report lastReport;

    /**
     * Starts a run on the managed executor after the one under way on this node, if any; a run of the same kind
     * already waiting to start is joined instead of queued again (the activity log then names who asked first).
     * The future completes with the run's report.
     */
    public synchronized CompletableFuture<Report> start(Kind kind, Asker asker) {
        if (waiting != null && !waiting.isDone() && (waitingKind == kind || waitingKind == Kind.ADOPT)) {
            return waiting;
        }
        CompletableFuture<Report> next = new CompletableFuture<>();
        waiting = next;
        waitingKind = kind;
        last.whenComplete((previous, error) -> executor.execute(() -> {
            synchronized (this) {
                if (waiting == next) {
                    waiting = null;
                }
            }
            next.complete(run(kind, asker));
        }));
        last = next;
        return next;
    }

    /** The run under way on this node, or null. */
    public Progress progress() {
        return progress;
    }

    /** The last run this node finished, or null. */
    public Report lastReport() {
        return lastReport;
    }

    /** Files other clients wrote that the check has not read yet (in the whole bucket, from any node). */
    public long uncheckedCount() {
        return files.countUnchecked();
    }

    /** Files other clients wrote that the check found not whole: never listed nor served. */
    public long unreadableCount() {
        return files.countUnreadable();
    }

    /** Checked files no account owns yet (shown to everyone signed in, changed by nobody). */
    public long unownedCount() {
        return files.countUnowned();
    }

    private Report run(Kind kind, Asker asker) {
        Instant started = Instant.now();
        AtomicLong checked = new AtomicLong();
        AtomicLong unreadable = new AtomicLong();
        AtomicLong adopted = new AtomicLong();
        Map<String, Long> byAccount = new HashMap<>();
        String failure = null;
        try {
            checkAll(kind, started, checked, unreadable);
            if (kind == Kind.ADOPT) {
                adoptAll(started, adopted, byAccount);
            }
        } catch (RuntimeException e) {
            failure = "The run stopped (" + e.getClass().getSimpleName() + "): the next one goes on from there";
            LOG.log(Level.WARNING, "The bucket check stopped; the next run goes on where it stopped", e);
        } finally {
            progress = null;
        }
        Report report = new Report(kind, started, Instant.now(), checked.get(), unreadable.get(), adopted.get(),
                failure);
        lastReport = report;
        if (report.checked() + report.unreadable() + report.adopted() > 0) {
            LOG.info(() -> "Bucket " + kind.name().toLowerCase(Locale.ROOT) + ": " + report.checked()
                    + " file(s) of other clients checked, " + report.unreadable() + " unreadable, "
                    + report.adopted() + " adopted");
        }
        if (kind == Kind.ADOPT) {
            activity.fire(Activity.of(Activity.Kind.FILES_ADOPTED, asker.username(), asker.clientAddress(),
                    adoptedDetail(report, byAccount)));
        }
        return report;
    }

    /**
     * "3 file(s) adopted: alice 2, bob 1", the accounts that got most first (the log keeps the start of a long
     * detail), and whether the run stopped early.
     */
    private static String adoptedDetail(Report report, Map<String, Long> byAccount) {
        String accounts = byAccount.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
        return report.adopted() + " file(s) adopted" + (accounts.isEmpty() ? "" : ": " + accounts)
                + (report.failure() == null ? "" : " (stopped early; the next run goes on)");
    }

    private void checkAll(Kind kind, Instant started, AtomicLong checked, AtomicLong unreadable) {
        long total = files.countUnchecked();
        AtomicLong done = new AtomicLong();
        progress = new Progress(kind, "checking", 0, total, started);
        each(files::unchecked, file -> {
            String problem = file.problem();
            String sha256 = null;
            if (problem == null) {
                Reading reading = read(file);
                problem = reading.problem();
                sha256 = reading.sha256();
            }
            if (problem != null) {
                if (files.recordUnreadable(file.id(), problem)) {
                    unreadable.incrementAndGet();
                    String why = problem;
                    LOG.warning(() -> "GridFS file " + file.id() + " (\"" + file.name() + "\") is not listed: " + why);
                }
            } else if (files.recordChecked(new StoredFile(file.id(), file.name(), null, file.size(), file.uploadDate(),
                    sha256, UploadService.contentType(file.contentType()), Visibility.SHARED, file.chunkSize(), null,
                    null, List.of(), List.of()))) {
                checked.incrementAndGet();
            }
            progress = new Progress(kind, "checking", done.incrementAndGet(), Math.max(total, done.get()), started);
        });
    }

    /** A file's bytes read through once: its SHA-256, or what makes it no well-formed GridFS file. */
    private record Reading(String sha256, String problem) {
    }

    private Reading read(ForeignFile file) {
        ChunkSpan span = new ChunkSpan(file.size(), file.chunkSize());
        MessageDigest sha = digest("SHA-256");
        MessageDigest md5 = file.md5() == null ? null : digest("MD5");
        for (int n = 0; n < span.chunkCount(); n++) {
            byte[] chunk;
            try {
                chunk = chunks.read(file.id(), n);
            } catch (ClassCastException e) {
                return new Reading(null, "chunk " + n + " holds no binary data");
            }
            if (chunk == null) {
                return new Reading(null, "chunk " + n + " of " + span.chunkCount() + " is missing");
            }
            if (chunk.length != span.chunkLength(n)) {
                return new Reading(null, "chunk " + n + " holds " + chunk.length + " bytes where a file of length "
                        + file.size() + " in chunks of " + file.chunkSize() + " has " + span.chunkLength(n));
            }
            sha.update(chunk);
            if (md5 != null) {
                md5.update(chunk);
            }
        }
        if (chunks.read(file.id(), span.chunkCount()) != null) {
            return new Reading(null, "it has more chunks than its length (" + file.size() + " bytes) takes");
        }
        if (md5 != null && !HexFormat.of().formatHex(md5.digest()).equalsIgnoreCase(file.md5())) {
            return new Reading(null, "its bytes do not match its md5 " + file.md5());
        }
        return new Reading(HexFormat.of().formatHex(sha.digest()), null);
    }

    private void adoptAll(Instant started, AtomicLong adopted, Map<String, Long> byAccount) {
        long total = files.countUnowned();
        AtomicLong done = new AtomicLong();
        progress = new Progress(Kind.ADOPT, "adopting", 0, total, started);
        each(files::unowned, file -> {
            String owner = file.originalOwner();
            if (owner != null && accounts.exists(owner) && give(file, owner)) {
                adopted.incrementAndGet();
                byAccount.merge(AccountKey.of(owner), 1L, Long::sum);
            }
            progress = new Progress(Kind.ADOPT, "adopting", done.incrementAndGet(), Math.max(total, done.get()),
                    started);
        });
    }

    /** Gives the file to the account, once: its bytes count toward the account's space from then on. */
    private boolean give(ForeignFile file, String account) {
        if (!files.adopt(file.id(), account)) {
            return false; // another node or run gave it first
        }
        usage.reserve(AccountKey.of(account), file.size(), Long.MAX_VALUE);
        return true;
    }

    /**
     * Owners of checked files nobody owns that have no account (null: files with no owner at all), with how many
     * files and bytes each holds, by name. The admin page asks on every view and every poll, so the store totals
     * them and accounts are looked up once per owner, not once per file.
     */
    public List<OwnerFiles> unclaimed() {
        return files.unownedByOwner().stream()
                .filter(group -> group.owner() == null || !accounts.exists(group.owner())).toList();
    }

    /**
     * Gives every checked file nobody owns whose top-level {@code owner} is {@code originalOwner} (null: those with
     * none) to an account, at an admin's word. Files stay as they are otherwise (their {@code owner} field too).
     *
     * @return how many files this call gave (0 when there were none, or others gave them first)
     */
    public long assign(String originalOwner, String account, Asker asker) {
        if (account == null || !accounts.exists(account.strip())) {
            throw new NoSuchPersonException();
        }
        String to = account.strip();
        AtomicLong given = new AtomicLong();
        each(files::unowned, file -> {
            if (Objects.equals(file.originalOwner(), originalOwner) && give(file, to)) {
                given.incrementAndGet();
            }
        });
        long count = given.get();
        String what = count + " file(s) of " + (originalOwner == null ? "no owner" : "owner \"" + originalOwner + "\"")
                + " given to " + to;
        LOG.info(what);
        activity.fire(Activity.of(Activity.Kind.FILES_ASSIGNED, asker.username(), asker.clientAddress(), what));
        return count;
    }

    /** Every file a pager gives ({@code after} the last one of the page before), a page at a time, in id order. */
    private static void each(BiFunction<ObjectId, Integer, List<ForeignFile>> pager, Consumer<ForeignFile> action) {
        ObjectId after = null;
        for (List<ForeignFile> page = pager.apply(null, PAGE); !page.isEmpty(); page = pager.apply(after, PAGE)) {
            page.forEach(action);
            after = page.get(page.size() - 1).id();
        }
    }

    private static MessageDigest digest(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
