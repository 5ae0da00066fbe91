package vn.mydrive.drive;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.text.Collator;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.bson.types.ObjectId;
import vn.mydrive.drive.DriveExceptions.FileNotFoundException;
import vn.mydrive.drive.DriveExceptions.FolderCycleException;
import vn.mydrive.drive.DriveExceptions.FolderExistsException;
import vn.mydrive.drive.DriveExceptions.FoldersBusyException;
import vn.mydrive.drive.DriveExceptions.ReadOnlyFolderException;
import vn.mydrive.platform.events.Activity;
import vn.mydrive.platform.events.Activity.Kind;
import vn.mydrive.platform.security.AccountDirectory;
import vn.mydrive.platform.security.AccountKey;
import vn.mydrive.platform.web.ApiException;

/**
 * A person's folders: made, renamed, moved, shared and deleted (with what they hold, to the trash:
 * {@code FileService}) by their owner only. Shared with people by name, a folder and everything below it can be seen
 * by them, and those allowed to may add files ({@link FolderAccess}, worked out here for every way in); anyone
 * else's folder is answered as one that does not exist. Names follow the file name rules, unique among siblings ignoring case (a clash is
 * refused, {@code folder_exists}, rather than renamed: a folder is made on purpose, and "Ảnh (1)" would hide the
 * mistake). A folder never goes into itself or below itself, even with two moves at once on two nodes: moves of
 * one person's folders take turns (a lease in the store) and check the tree as it is once their turn comes.
 */
@ApplicationScoped
public class FolderService {

    /** How long one move may hold the owner's tree; a node that dies holding it blocks moves this long at most. */
    private static final Duration TREE_LEASE = Duration.ofSeconds(15);
    private static final int TREE_ATTEMPTS = 50;

    @Inject
    FolderRepository folders;

    @Inject
    FileRepository files;

    @Inject
    Event<Activity> activity;

    @Inject
    AccountDirectory accounts;

    public Folder create(String owner, String name, String parentId, String clientAddress) {
        ObjectId parent = parentId == null || parentId.isBlank() ? null : owned(owner, parentId).id();
        Folder folder = new Folder(new ObjectId(), FileNames.check(name), owner, parent, Instant.now());
        if (!folders.insert(folder)) {
            throw new FolderExistsException();
        }
        return folder;
    }

    /** The owner's folder, or not found (for a folder that is someone else's too). */
    public Folder owned(String owner, String id) {
        return folders.find(FileService.parseId(id)).filter(f -> f.isOwnedBy(owner))
                .orElseThrow(FileNotFoundException::new);
    }

    /** A folder the person may open (theirs, or shared with them here or above), or not found. */
    public Folder readable(String person, String id) {
        Folder folder = folders.find(FileService.parseId(id)).orElseThrow(FileNotFoundException::new);
        if (!access(person, folder).canView()) {
            throw new FileNotFoundException();
        }
        return folder;
    }

    /** A folder the person may add files to, or not found, or {@code read_only_folder} if they may only look. */
    public Folder writable(String person, String id) {
        Folder folder = readable(person, id);
        if (!access(person, folder).canAdd()) {
            throw new ReadOnlyFolderException();
        }
        if (!AccountKey.same(person, folder.owner())) {
            // Marked before the file lands (a failed upload leaves a mark that costs nothing): the folder's totals
            // then count others' files too, and the owner's other folders need not be searched for them.
            folders.markOthersAdd(folder.id());
        }
        return folder;
    }

    /** What the person may do in the folder (none if it is gone). */
    public FolderAccess access(String person, ObjectId id) {
        return folders.find(id).map(f -> access(person, f)).orElse(FolderAccess.NONE);
    }

    /** What the person may do in the folder: the owner all, anyone else the most any share on its path gives. */
    public FolderAccess access(String person, Folder folder) {
        if (folder.isOwnedBy(person)) {
            return FolderAccess.OWNER;
        }
        FolderAccess most = FolderAccess.NONE;
        for (Folder f : path(folder.owner(), folder.id())) {
            FolderAccess given = f.sharedAccessOf(person);
            most = given.compareTo(most) > 0 ? given : most;
        }
        return most;
    }

    /**
     * The folders down to {@code folder} that the person may open, for their breadcrumbs: the owner's whole path,
     * anyone else's from the highest folder shared with them (the owner's folders above it are not theirs to see).
     */
    public List<Folder> visiblePath(String person, Folder folder) {
        if (folder.isOwnedBy(person)) {
            return path(folder.owner(), folder.id());
        }
        return pathFrom(folder, f -> f.sharedAccessOf(person) != FolderAccess.NONE);
    }

    /** The folders from {@code top} down to {@code folder} (a folder seen through a public link to {@code top}). */
    public List<Folder> pathFrom(Folder top, Folder folder) {
        return pathFrom(folder, f -> f.id().equals(top.id()));
    }

    /** The path down to the folder from the highest folder on it that is a top for whoever looks. */
    private List<Folder> pathFrom(Folder folder, java.util.function.Predicate<Folder> isTop) {
        List<Folder> path = path(folder.owner(), folder.id());
        int top = 0;
        while (top < path.size() - 1 && !isTop.test(path.get(top))) {
            top++;
        }
        return path.subList(top, path.size());
    }

    /** The folders others shared with the person by name, by name: the top of their "Shared with me". */
    public List<Folder> sharedWith(String person) {
        Collator collator = Collator.getInstance(Locale.forLanguageTag("vi"));
        return folders.sharedWith(AccountKey.of(person)).stream()
                .sorted(Comparator.comparing(Folder::name, collator)).toList();
    }

    /**
     * Shares one of the owner's folders with a person by name, to look ({@code canAdd} false) or also to add files;
     * sharing again with the same person changes what they may do. They see it in "Shared with me", with everything
     * in it and below it, as it changes.
     */
    public Folder shareWith(String owner, String id, String person, boolean canAdd, String clientAddress) {
        Folder folder = owned(owner, id);
        String name = PersonSharing.existingPerson(accounts, person);
        FolderAccess wanted = canAdd ? FolderAccess.ADD : FolderAccess.VIEW;
        if (AccountKey.same(name, owner) || folder.sharedAccessOf(name) == wanted) {
            return folder; // one's own folder, or shared with them like this already
        }
        if (folder.sharedAccessOf(name) == FolderAccess.NONE) {
            PersonSharing.roomForOneMore(folder.sharedWith().size());
        }
        folders.share(folder.id(), AccountKey.of(name), canAdd);
        activity.fire(Activity.of(Kind.SHARE, owner, clientAddress,
                folder.name() + "/ → " + AccountKey.of(name) + " (" + wanted.wireName() + ")"));
        return owned(owner, id);
    }

    /** Stops sharing one of the owner's folders with a person; not shared with them is not an error. */
    public Folder unshareWith(String owner, String id, String person, String clientAddress) {
        Folder folder = owned(owner, id);
        if (person != null && folders.unshare(folder.id(), AccountKey.of(person.strip()))) {
            activity.fire(Activity.of(Kind.SHARE, owner, clientAddress,
                    folder.name() + "/ ↛ " + AccountKey.of(person.strip())));
        }
        return owned(owner, id);
    }

    public boolean exists(ObjectId id) {
        return folders.find(id).isPresent();
    }

    /** The folders directly in {@code parentId} (null: the top of the drive), by name as people sort them. */
    public List<Folder> children(String owner, ObjectId parentId) {
        Collator collator = Collator.getInstance(Locale.forLanguageTag("vi"));
        return folders.allOf(AccountKey.of(owner)).stream()
                .filter(f -> parentId == null ? f.parentId() == null : parentId.equals(f.parentId()))
                .sorted(Comparator.comparing(Folder::name, collator)).toList();
    }

    /** The folders from the top of the drive down to {@code id}, for breadcrumbs. */
    public List<Folder> path(String owner, ObjectId id) {
        return path(byId(owner), id);
    }

    /** The path to {@code id} within folders already read, so that many paths cost one read of the store. */
    private static List<Folder> path(Map<ObjectId, Folder> all, ObjectId id) {
        List<Folder> path = new ArrayList<>();
        for (Folder f = all.get(id); f != null && path.size() <= all.size(); f = all.get(f.parentId())) {
            path.add(0, f);
        }
        return path;
    }

    /**
     * What each of the owner's folders holds, its subfolders included, whoever added the files: one count by the
     * store of the files directly in each folder, added up the tree here.
     */
    public Map<ObjectId, FolderTotals> totals(String owner) {
        Map<ObjectId, Folder> all = byId(owner);
        Map<ObjectId, FolderTotals> totals = new HashMap<>();
        List<ObjectId> othersAdd = all.values().stream().filter(Folder::othersAdd).map(Folder::id).toList();
        files.totalsByFolder(AccountKey.of(owner), othersAdd).forEach((folderId, direct) -> {
            int steps = 0;
            for (Folder f = all.get(folderId); f != null && steps++ <= all.size(); f = all.get(f.parentId())) {
                totals.merge(f.id(), direct, FolderTotals::plus);
            }
        });
        return totals;
    }

    /**
     * A folder the viewer may open and every folder inside it, each with its names from that folder down ("Ảnh",
     * "Ảnh/2021", ...), parents before their children: what a zip of the folder holds.
     */
    public List<Subfolder> subtree(String viewer, String id) {
        return subtree(readable(viewer, id));
    }

    /** The subtree of a folder already checked (a folder behind a public link). */
    public List<Subfolder> subtree(Folder root) {
        Map<ObjectId, List<Folder>> byParent = new HashMap<>();
        folders.allOf(AccountKey.of(root.owner())).forEach(f -> {
            if (f.parentId() != null) {
                byParent.computeIfAbsent(f.parentId(), k -> new ArrayList<>()).add(f);
            }
        });
        List<Subfolder> found = new ArrayList<>();
        java.util.Set<ObjectId> seen = new java.util.HashSet<>();
        java.util.Deque<Subfolder> toVisit = new java.util.ArrayDeque<>(List.of(new Subfolder(root.id(), List.of(root.name()))));
        while (!toVisit.isEmpty()) {
            Subfolder next = toVisit.removeFirst();
            if (!seen.add(next.id())) {
                continue; // moves never make a cycle; a store edited by hand might
            }
            found.add(next);
            for (Folder child : byParent.getOrDefault(next.id(), List.of())) {
                List<String> names = new ArrayList<>(next.names());
                names.add(child.name());
                toVisit.addLast(new Subfolder(child.id(), List.copyOf(names)));
            }
        }
        return found;
    }

    /** A folder of a subtree and its names from the subtree's top down. */
    public record Subfolder(ObjectId id, List<String> names) {
    }

    /** Whether the folder is {@code root} or below it (a folder behind a public link to {@code root}). */
    public boolean isWithin(ObjectId id, Folder root) {
        return path(root.owner(), id).stream().anyMatch(f -> f.id().equals(root.id()));
    }

    /**
     * The names of the folders from the top of its owner's drive down to the folder (empty if it is gone): where a
     * file in it goes back to when restored from the trash.
     */
    public List<String> names(ObjectId id) {
        return folders.find(id).map(f -> path(f.owner(), id).stream().map(Folder::name).toList()).orElse(List.of());
    }

    /** "Ảnh / 2021 / Tết": where a folder is, as people read it. */
    public String pathText(String owner, ObjectId id) {
        return text(path(owner, id));
    }

    /** A path as people read it: the folders' names joined by " / ". */
    public static String text(List<Folder> path) {
        return String.join(" / ", path.stream().map(Folder::name).toList());
    }

    /** Every folder of the owner with its path, sorted by path: the choices of a "Move to…". */
    public List<FolderPath> allPaths(String owner) {
        Collator collator = Collator.getInstance(Locale.forLanguageTag("vi"));
        Map<ObjectId, Folder> all = byId(owner);
        return all.values().stream()
                .map(f -> new FolderPath(f.id(), text(path(all, f.id()))))
                .sorted(Comparator.comparing(FolderPath::path, collator)).toList();
    }

    public Folder rename(String owner, String id, String name) {
        Folder folder = owned(owner, id);
        if (!folders.rename(folder.id(), FileNames.check(name))) {
            throw new FolderExistsException();
        }
        return owned(owner, id);
    }

    /** Moves the folder, with all it holds, into {@code targetId} (null: the top of the drive). */
    public Folder move(String owner, String id, String targetId, String clientAddress) {
        Folder folder = owned(owner, id);
        ObjectId target = targetId == null || targetId.isBlank() ? null : owned(owner, targetId).id();
        String ownerKey = AccountKey.of(owner);
        String holder = UUID.randomUUID().toString();
        takeTree(ownerKey, holder);
        try {
            // The tree as it is now that no other move of it can run: the target must not be the folder or below it.
            Map<ObjectId, Folder> all = byId(owner);
            int steps = 0;
            for (ObjectId at = target; at != null && steps++ <= all.size();
                    at = all.containsKey(at) ? all.get(at).parentId() : null) {
                if (at.equals(folder.id())) {
                    throw new FolderCycleException();
                }
            }
            if (!folders.move(folder.id(), target)) {
                throw new FolderExistsException();
            }
        } finally {
            folders.unlockTree(ownerKey, holder);
        }
        activity.fire(Activity.of(Kind.MOVE, owner, clientAddress,
                folder.name() + "/ → " + (target == null ? "/" : pathText(owner, target))));
        return owned(owner, id);
    }

    /**
     * Removes the folders of a subtree (its files are in the trash already), the deepest first, so that a page
     * listing the tree meanwhile never shows a folder whose parent is gone.
     */
    void removeTree(List<Subfolder> tree) {
        for (int i = tree.size() - 1; i >= 0; i--) {
            folders.delete(tree.get(i).id());
        }
    }

    /**
     * The folder at these names from the top of the drive down, each found by its name (ignoring case) or made;
     * null for no names (the top). Two restores making the same folder at once end up in the one the store kept.
     */
    public ObjectId ensurePath(String owner, List<String> names) {
        ObjectId parent = null;
        for (String name : names) {
            ObjectId at = parent;
            Optional<Folder> existing = childNamed(owner, at, name);
            if (existing.isEmpty()) {
                try {
                    parent = create(owner, name, at == null ? null : at.toHexString(), null).id();
                    continue;
                } catch (FolderExistsException madeMeanwhile) {
                    existing = childNamed(owner, at, name);
                } catch (ApiException unusable) {
                    return at; // a name no longer allowed: the file goes to the deepest folder that could be made
                }
            }
            if (existing.isEmpty()) {
                return at;
            }
            parent = existing.get().id();
        }
        return parent;
    }

    private Optional<Folder> childNamed(String owner, ObjectId parent, String name) {
        return children(owner, parent).stream().filter(f -> f.name().equalsIgnoreCase(name)).findFirst();
    }

    /**
     * Deletes every folder of the owner (their account is going; their files go separately), and stops sharing
     * anyone's folders with them. Files others added to the owner's folders go to the top of their own drives.
     */
    public void deleteAllOf(String owner) {
        folders.unshareEverywhere(AccountKey.of(owner));
        for (Folder folder : folders.allOf(AccountKey.of(owner))) {
            files.moveAllToTop(folder.id());
            folders.delete(folder.id());
        }
    }

    private void takeTree(String ownerKey, String holder) {
        for (int attempt = 0; attempt < TREE_ATTEMPTS; attempt++) {
            if (folders.lockTree(ownerKey, holder, TREE_LEASE)) {
                return;
            }
            try {
                Thread.sleep(20L + attempt * 10L); // a move holds the tree for a few milliseconds
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new FoldersBusyException();
    }

    private Map<ObjectId, Folder> byId(String owner) {
        Map<ObjectId, Folder> all = new HashMap<>();
        folders.allOf(AccountKey.of(owner)).forEach(f -> all.put(f.id(), f));
        return all;
    }

    /** A folder and where it is ("Ảnh / 2021"). */
    public record FolderPath(ObjectId id, String path) {
    }
}
