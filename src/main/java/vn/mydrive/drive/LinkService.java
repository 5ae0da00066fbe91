package vn.mydrive.drive;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.bson.types.ObjectId;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.mydrive.drive.DriveExceptions.FileNotFoundException;
import vn.mydrive.drive.DriveExceptions.InvalidLinkException;
import vn.mydrive.drive.DriveExceptions.LinkExpiredException;
import vn.mydrive.drive.DriveExceptions.LinkPasswordException;
import vn.mydrive.drive.DriveExceptions.LinkThrottledException;
import vn.mydrive.platform.events.Activity;
import vn.mydrive.platform.events.Activity.Kind;
import vn.mydrive.platform.security.AccountKey;
import vn.mydrive.platform.security.PasswordHasher;
import vn.mydrive.platform.security.ThrottleState;
import vn.mydrive.platform.security.Throttles;

/**
 * Public links: their owners make, list and revoke them; anyone holding one opens it here, which is the only way
 * in without an account. Every request through a link is counted per link and address (a download manager's
 * many Range requests fit; a flood does not), and wrong passwords lock the link for a while, with the sign-in's
 * doubling locks ({@code mydrive.login.*}), so a password cannot be guessed at speed.
 */
@ApplicationScoped
public class LinkService {

    /** Links one file, or one folder, may have. */
    public static final int MOST_LINKS_PER_FILE = 20;

    /** Longest password a link takes (a passphrase fits; a megabyte to hash does not). */
    public static final int MAX_PASSWORD_LENGTH = 128;

    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    LinkRepository links;

    @Inject
    FileRepository files;

    @Inject
    FileService fileService;

    @Inject
    FolderRepository folders;

    @Inject
    FolderService folderService;

    @Inject
    PasswordHasher hasher;

    @Inject
    Throttles throttles;

    @Inject
    Event<Activity> activity;

    @Inject
    @ConfigProperty(name = "mydrive.link.requests-per-address")
    int requestsPerAddress;

    @Inject
    @ConfigProperty(name = "mydrive.link.request-window")
    Duration requestWindow;

    @Inject
    @ConfigProperty(name = "mydrive.link.password-failures")
    int passwordFailures;

    @Inject
    @ConfigProperty(name = "mydrive.login.failure-window")
    Duration failureWindow;

    @Inject
    @ConfigProperty(name = "mydrive.login.first-lock")
    Duration firstLock;

    @Inject
    @ConfigProperty(name = "mydrive.login.longest-lock")
    Duration longestLock;

    /** A link that let a request through, and what it gives: a file, or a folder (the other is null). */
    public record OpenedLink(Link link, StoredFile file, Folder folder) {

        /** Who gets the credit (their activity log): the owner of what the link gives. */
        String owner() {
            return file != null ? file.owner() : folder.owner();
        }
    }

    /**
     * Makes a public link to one of the viewer's files.
     *
     * @param expiresAt when it stops working (null: never); must be in the future
     * @param password  what its holders must type (null or blank: none)
     */
    public Link create(String viewer, String fileId, Instant expiresAt, String password, String clientAddress) {
        StoredFile file = fileService.owned(viewer, fileId);
        return make(viewer, file.id(), null, file.name(), links.countForFile(file.id()), expiresAt, password,
                clientAddress);
    }

    /** Makes a public link to one of the viewer's folders: its holders browse and download inside it only. */
    public Link createForFolder(String viewer, String folderId, Instant expiresAt, String password,
                                String clientAddress) {
        Folder folder = folderService.owned(viewer, folderId);
        return make(viewer, null, folder.id(), folder.name() + "/", links.countForFolder(folder.id()), expiresAt,
                password, clientAddress);
    }

    private Link make(String viewer, ObjectId fileId, ObjectId folderId, String name, long existing,
                      Instant expiresAt, String password, String clientAddress) {
        Instant now = Instant.now();
        if (expiresAt != null && !expiresAt.isAfter(now)) {
            throw new InvalidLinkException("The link's expiry must be in the future.");
        }
        boolean withPassword = password != null && !password.isBlank();
        if (withPassword && password.length() > MAX_PASSWORD_LENGTH) {
            throw new InvalidLinkException("A link's password has at most " + MAX_PASSWORD_LENGTH + " characters.");
        }
        if (existing >= MOST_LINKS_PER_FILE) {
            throw new InvalidLinkException("A file or folder can have at most " + MOST_LINKS_PER_FILE
                    + " links; revoke one.");
        }
        Link link = new Link(new ObjectId(), newToken(), fileId, folderId, AccountKey.of(viewer), now, expiresAt,
                withPassword ? hasher.hash(password) : null, 0);
        links.insert(link);
        activity.fire(Activity.of(Kind.SHARE, viewer, clientAddress, name + " → public link"));
        return link;
    }

    /** The links to one of the viewer's files, newest first. */
    public List<Link> of(String viewer, String fileId) {
        return links.forFile(fileService.owned(viewer, fileId).id());
    }

    /** The links to one of the viewer's folders, newest first. */
    public List<Link> ofFolder(String viewer, String folderId) {
        return links.forFolder(folderService.owned(viewer, folderId).id());
    }

    /** Revokes one of the viewer's links: from now on it answers like a link that never was. */
    public void revoke(String viewer, String linkId, String clientAddress) {
        Link link = ownLink(viewer, linkId);
        if (!links.delete(link.id())) {
            throw new FileNotFoundException();
        }
        String name = link.isToFolder() ? folders.find(link.folderId()).map(f -> f.name() + "/").orElse("?")
                : files.find(link.fileId()).map(StoredFile::name).orElse("?");
        activity.fire(Activity.of(Kind.SHARE, viewer, clientAddress, name + " ↛ public link"));
    }

    /**
     * Lets one request through a link, or says why not: too many requests from this address (throttled), no such
     * link (revoked, or never made: not told apart), expired, its file in the trash or gone (not found), or a
     * password wanted and not given (or wrong).
     *
     * @param password the password sent with this request, or null
     * @param unlocked whether this browser already gave the right password (kept in its session by the link page)
     */
    public OpenedLink open(String token, String password, boolean unlocked, String clientAddress) {
        Instant now = Instant.now();
        if (token == null || token.length() != 43) {
            throw new FileNotFoundException();
        }
        Link link = links.findByToken(token).orElseThrow(FileNotFoundException::new);
        // Counted per existing link only: made-up tokens leave nothing behind in the store.
        String requests = "link-requests:" + link.id().toHexString() + "@" + clientAddress;
        waitIfLocked(requests, now);
        throttles.record(requests, new ThrottleState.Rules(requestsPerAddress + 1, requestWindow, requestWindow,
                requestWindow), now);
        if (link.hasExpired(now)) {
            throw new LinkExpiredException();
        }
        StoredFile file = null;
        Folder folder = null;
        if (link.isToFolder()) {
            folder = folders.find(link.folderId()).orElseThrow(FileNotFoundException::new);
        } else {
            file = files.find(link.fileId()).filter(f -> !f.isTrashed()).orElseThrow(FileNotFoundException::new);
        }
        if (link.hasPassword() && !unlocked) {
            checkPassword(link, password, now);
        }
        return new OpenedLink(link, file, folder);
    }

    /**
     * A file in the folder a link opens, or in a folder below it, in the drive (whoever added it); anything else is
     * not found, as a link gives nothing above or beside its folder.
     */
    public StoredFile fileInside(OpenedLink opened, String fileId) {
        if (opened.folder() == null) {
            throw new FileNotFoundException();
        }
        return files.find(FileService.parseId(fileId))
                .filter(f -> !f.isTrashed() && f.folderId() != null && folderService.isWithin(f.folderId(), opened.folder()))
                .orElseThrow(FileNotFoundException::new);
    }

    /** The link's folder ({@code folderId} null or blank) or a folder below it; anything else is not found. */
    public Folder folderInside(OpenedLink opened, String folderId) {
        if (opened.folder() == null) {
            throw new FileNotFoundException();
        }
        if (folderId == null || folderId.isBlank()) {
            return opened.folder();
        }
        ObjectId id = FileService.parseId(folderId);
        if (!folderService.isWithin(id, opened.folder())) {
            throw new FileNotFoundException();
        }
        return folders.find(id).orElseThrow(FileNotFoundException::new);
    }

    /**
     * What a linked folder ({@code folderId} null or blank) or a folder below it holds, as its holder sees it: its
     * path from the linked folder down, its folders, one page of its files by name, and how many files it holds.
     */
    public record FolderContents(Folder folder, String path, List<Folder> folders, List<StoredFile> files,
                                 long fileCount) {
    }

    public FolderContents contents(OpenedLink opened, String folderId, int offset, int limit) {
        Folder folder = folderInside(opened, folderId);
        FileQuery inFolder = FileQuery.everyFileIn(folder.id(), FileQuery.Sort.NAME, offset, limit);
        List<StoredFile> page = fileService.page(inFolder);
        long count = offset == 0 && page.size() < limit ? page.size() : fileService.count(inFolder);
        return new FolderContents(folder, FolderService.text(folderService.pathFrom(opened.folder(), folder)),
                folderService.children(folder.owner(), folder.id()), page, count);
    }

    /** Counts a whole download through the link, of a file or a zip (its owner sees the count). */
    public void downloaded(OpenedLink opened, String what, String clientAddress) {
        links.countDownload(opened.link().id());
        activity.fire(Activity.of(Kind.DOWNLOAD, opened.owner(), clientAddress, what + " (through a public link)"));
    }

    private void checkPassword(Link link, String password, Instant now) {
        if (password == null || password.isEmpty()) {
            throw new LinkPasswordException(false);
        }
        String guesses = "link-password:" + link.id().toHexString();
        waitIfLocked(guesses, now);
        if (password.length() > MAX_PASSWORD_LENGTH || !hasher.verify(password, link.passwordHash())) {
            throttles.record(guesses, new ThrottleState.Rules(passwordFailures, failureWindow, firstLock, longestLock),
                    now);
            throw new LinkPasswordException(true);
        }
        throttles.clear(guesses);
    }

    private void waitIfLocked(String key, Instant now) {
        Optional<Duration> wait = throttles.retryAfter(key, now);
        if (wait.isPresent()) {
            throw new LinkThrottledException(Math.max(1, wait.get().toSeconds()));
        }
    }

    private Link ownLink(String viewer, String linkId) {
        if (linkId == null || !ObjectId.isValid(linkId)) {
            throw new FileNotFoundException();
        }
        return links.find(new ObjectId(linkId)).filter(l -> l.ownerKey().equals(AccountKey.of(viewer)))
                .orElseThrow(FileNotFoundException::new);
    }

    private static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
