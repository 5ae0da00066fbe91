package vn.mydrive.drive.web;

import jakarta.annotation.PostConstruct;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.faces.model.SelectItem;
import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.stream.Collectors;
import org.bson.types.ObjectId;
import vn.mydrive.drive.DriveError;
import vn.mydrive.drive.DriveSettings;
import vn.mydrive.drive.FileQuery;
import vn.mydrive.drive.DriveExceptions.NotOwnerException;
import vn.mydrive.drive.FileService;
import vn.mydrive.drive.FolderService;
import vn.mydrive.drive.FolderTotals;
import vn.mydrive.drive.TrashedFolder;
import vn.mydrive.drive.Visibility;
import vn.mydrive.platform.faces.Messages;
import vn.mydrive.platform.json.JsonProviders;
import vn.mydrive.platform.security.Roles;
import vn.mydrive.platform.time.VietnamTime;
import vn.mydrive.platform.web.ApiException;
import vn.mydrive.platform.web.ClientAddresses;

/**
 * The drive page: the shared file list (all files, or the viewer's own), and the owner's actions on a file.
 * Transfers themselves run in the browser over the transfer socket (uploader.js, downloader.js).
 */
@Named
@ViewScoped
public class DrivePage implements Serializable {

    private static final long serialVersionUID = 1L;
    /** Dates are shown in Vietnam's time, where the users are. */
    private static final String[] CLIENT_KEYS = {"cancel", "left", "queued", "done", "failed", "cancelled", "busy",
        "allDone", "someFailed", "uploaded", "retrying", "damaged", "handedToBrowser", "someCancelled",
        "noPreview", "previewPart", "paused", "pause", "resume", "pauseAll", "resumeAll", "clearFinished",
        "storedOf", "startedAt", "keptUntil", "resumeUpload", "discard", "notSameFile"};
    @Inject
    transient FileService files;

    @Inject
    transient DriveSettings settings;

    @Inject
    transient ClientAddresses clientAddresses;

    @Inject
    transient FolderService folders;

    private FileTableModel model;
    private FileQuery.Scope scope = FileQuery.Scope.ALL;
    private String search;
    private List<FileRow> selected = new ArrayList<>();
    /** The folders ticked where the page is, by id (a tick box per folder; the table's selection holds the files). */
    private final Map<String, Boolean> pickedFolders = new HashMap<>();
    /** Whether "Move to…" moves what is ticked rather than one file. */
    private boolean movingSelection;
    /** "Share with…" for what is ticked: the person, and whether they may add files to the folders among it. */
    private String sharePerson;
    private boolean shareCanAdd;
    /** The folder "My files" shows (its id), or null for the top of the drive. */
    private String folderId;
    private String newFolderName;
    /** The folder the folder dialog renames, or null when it makes a new one. */
    private String renamingFolderId;
    private String movingId;
    private String moveTarget;
    private String renamingId;
    private String newName;

    @PostConstruct
    void init() {
        model = new FileTableModel(files, folders);
    }

    public FileTableModel getModel() {
        return model;
    }

    /** all, mine, shared (with me) or trash: which files the table lists. */
    public String getView() {
        return scope == FileQuery.Scope.SHARED_WITH_ME ? "shared" : scope.name().toLowerCase(Locale.ROOT);
    }

    public void setView(String view) {
        scope = switch (view == null ? "" : view) {
            case "mine" -> FileQuery.Scope.MINE;
            case "shared" -> FileQuery.Scope.SHARED_WITH_ME;
            case "trash" -> FileQuery.Scope.TRASH;
            default -> FileQuery.Scope.ALL;
        };
        model.setScope(scope);
        openFolder(null);
    }

    public boolean isTrash() {
        return scope == FileQuery.Scope.TRASH;
    }

    /** Days a file stays in the trash before it is deleted for good. */
    public long getTrashDays() {
        return settings.trashRetention().toDays();
    }

    public String getSearch() {
        return search;
    }

    public void setSearch(String search) {
        this.search = search;
        model.setSearch(search);
    }

    public void startRename(FileRow row) {
        renamingId = row.getId();
        newName = row.getName();
    }

    public void rename() {
        try {
            files.rename(viewer(), renamingId, newName);
            renamingId = null;
        } catch (ApiException e) {
            Messages.error(e);
            FacesContext.getCurrentInstance().validationFailed();
        }
    }

    /** What the row's Share button says: everyone, how many people, or only the owner. */
    public String shareState(FileRow row) {
        if (row.isShared()) {
            return Messages.text("drive.sharedState", "Everyone");
        }
        return row.getPeople() > 0 ? Messages.text("drive.peopleState", row.getPeople() + " people", row.getPeople())
                : Messages.text("drive.privateState", "Only you");
    }

    public String getFolderId() {
        return folderId;
    }

    /**
     * Shows a folder ({@code id} null or blank: the top) in "My files", or in "Shared with me" a folder shared with
     * the viewer or one inside it: the folders and files in it, whoever added them.
     */
    public void openFolder(String id) {
        String target = id == null || id.isBlank() ? null : id;
        try {
            ObjectId folder = target == null ? null : folders.readable(viewer(), target).id();
            folderId = target;
            // The trash lists the files deleted on their own; deleted folders are items of their own above them.
            model.setFolder(scope == FileQuery.Scope.TRASH
                    || isBrowsingFolders() && (scope == FileQuery.Scope.MINE || folder != null), folder);
        } catch (ApiException e) {
            Messages.error(e);
            folderId = null;
            model.setFolder(scope == FileQuery.Scope.MINE || scope == FileQuery.Scope.TRASH, null);
        }
        clearSelection();
    }

    /** Whether the view goes by folders: "My files", and "Shared with me" (the folders others shared). */
    public boolean isBrowsingFolders() {
        return scope == FileQuery.Scope.MINE || scope == FileQuery.Scope.SHARED_WITH_ME;
    }

    /** Whether the viewer may add files where the page is: anywhere of theirs, or a folder shared with them so. */
    public boolean isCanAddHere() {
        if (scope != FileQuery.Scope.SHARED_WITH_ME) {
            return true;
        }
        return folderId != null && folders.access(viewer(), new ObjectId(folderId)).canAdd();
    }

    /** The folder uploads go to: the one shown in a view that goes by folders, else the top of the drive. */
    public String getUploadFolderId() {
        return isBrowsingFolders() ? folderId : null;
    }

    /** Where the page is, from the top of the drive (or of what was shared) down; empty at the top. */
    public List<FolderRow> getBreadcrumbs() {
        if (!isBrowsingFolders() || folderId == null) {
            return List.of();
        }
        try {
            return folders.visiblePath(viewer(), folders.readable(viewer(), folderId)).stream().map(FolderRow::new)
                    .toList();
        } catch (ApiException unshared) {
            return List.of(); // no longer shared with the viewer: the list says so when it next loads
        }
    }

    /** The folders in the folder shown, or at the top of "Shared with me", the folders shared with the viewer. */
    public List<FolderRow> getSubfolders() {
        if (!isBrowsingFolders()) {
            return List.of();
        }
        if (scope == FileQuery.Scope.SHARED_WITH_ME && folderId == null) {
            return folders.sharedWith(viewer()).stream().map(f -> new FolderRow(f,
                    folders.totals(f.owner()).getOrDefault(f.id(), FolderTotals.NONE))).toList();
        }
        String owner = viewer();
        if (folderId != null) {
            try {
                owner = folders.readable(viewer(), folderId).owner();
            } catch (ApiException unshared) {
                return List.of();
            }
        }
        Map<ObjectId, FolderTotals> totals = folders.totals(owner);
        return folders.children(owner, folderId == null ? null : new ObjectId(folderId)).stream()
                .map(f -> new FolderRow(f, totals.getOrDefault(f.id(), FolderTotals.NONE))).toList();
    }

    public String getNewFolderName() {
        return newFolderName;
    }

    public void setNewFolderName(String newFolderName) {
        this.newFolderName = newFolderName;
    }

    /** Opens the folder dialog to make a folder in the one "My files" shows. */
    public void startNewFolder() {
        renamingFolderId = null;
        newFolderName = null;
    }

    /** Opens the folder dialog to rename a folder. */
    public void startRenameFolder(FolderRow row) {
        renamingFolderId = row.getId();
        newFolderName = row.getName();
    }

    public boolean isRenamingFolder() {
        return renamingFolderId != null;
    }

    /** Makes the folder, or renames it, as the dialog was opened for. */
    public void saveFolder() {
        try {
            if (renamingFolderId == null) {
                folders.create(viewer(), newFolderName, folderId, clientAddress());
            } else {
                folders.rename(viewer(), renamingFolderId, newFolderName);
            }
            renamingFolderId = null;
            newFolderName = null;
        } catch (ApiException e) {
            Messages.error(e);
            FacesContext.getCurrentInstance().validationFailed();
        }
    }

    public void deleteFolder(FolderRow row) {
        try {
            Messages.info("drive.folderDeleted", row.getName(), files.trashFolder(viewer(), row.getId(), clientAddress()),
                    getTrashDays());
        } catch (ApiException e) {
            Messages.error(e);
        }
    }

    /** A file dragged onto a folder or a breadcrumb ({@code fileId}, {@code folderId} "" for the top). */
    public void moveDropped() {
        Map<String, String> params = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap();
        String fileId = params.get("fileId");
        String target = params.get("folderId");
        try {
            String name = files.moveTo(viewer(), fileId, target == null || target.isBlank() ? null : target,
                    clientAddress()).name();
            Messages.info("drive.moved", name);
        } catch (ApiException e) {
            Messages.error(e);
        }
    }

    /** Opens "Move to…" for a file: the choice starts at the folder it is shown in. */
    public void startMove(FileRow row) {
        movingId = row.getId();
        movingSelection = false;
        moveTarget = folderId == null ? "" : folderId;
    }

    /** Opens "Move to…" for everything ticked, files and folders. */
    public void startMoveSelected() {
        movingId = null;
        movingSelection = true;
        moveTarget = folderId == null ? "" : folderId;
    }

    public String getMoveTarget() {
        return moveTarget;
    }

    public void setMoveTarget(String moveTarget) {
        this.moveTarget = moveTarget;
    }

    /** Where a file can go: the top of the drive, then every folder of the viewer's by its path. */
    public List<SelectItem> getMoveTargets() {
        List<SelectItem> targets = new ArrayList<>();
        targets.add(new SelectItem("", Messages.text("drive.top", "My files")));
        folders.allPaths(viewer()).forEach(f -> targets.add(new SelectItem(f.id().toHexString(), f.path())));
        return targets;
    }

    public void moveFile() {
        if (movingSelection) {
            moveSelected();
            return;
        }
        try {
            files.moveTo(viewer(), movingId, moveTarget == null || moveTarget.isBlank() ? null : moveTarget,
                    clientAddress());
            movingId = null;
        } catch (ApiException e) {
            Messages.error(e);
            FacesContext.getCurrentInstance().validationFailed();
        }
    }

    /** The rows ticked in the table, for the actions on many files at once. */
    public List<FileRow> getSelected() {
        return selected;
    }

    public void setSelected(List<FileRow> selected) {
        this.selected = selected == null ? new ArrayList<>() : new ArrayList<>(selected);
    }

    public void clearSelection() {
        selected.clear();
        pickedFolders.clear();
    }

    /** The folders' tick boxes, by folder id. */
    public Map<String, Boolean> getPickedFolders() {
        return pickedFolders;
    }

    private List<String> pickedFolderIds() {
        return pickedFolders.entrySet().stream().filter(e -> Boolean.TRUE.equals(e.getValue())).map(Map.Entry::getKey)
                .sorted().toList();
    }

    /** How many files and folders are ticked. */
    public int getPickedCount() {
        return selected.size() + pickedFolderIds().size();
    }

    /** The query naming the ticked files and folders for {@code /api/files/archive}. */
    public String getSelectionQuery() {
        return java.util.stream.Stream.concat(selected.stream().map(row -> "id=" + row.getId()),
                pickedFolderIds().stream().map(id -> "folder=" + id)).collect(Collectors.joining("&"));
    }

    /**
     * Moves the ticked files and folders to the trash (a folder with everything in it, as its own delete button
     * does); someone else's files among them are left alone, and counted.
     */
    public void trashSelected() {
        String viewer = viewer();
        String address = clientAddress();
        List<String> folderIds = pickedFolderIds();
        int moved = forEachSelected(row -> files.trash(viewer, row.getId(), address));
        for (String id : folderIds) {
            try {
                moved += files.trashFolder(viewer, id, address);
            } catch (ApiException e) {
                Messages.error(e);
            }
        }
        Messages.info("drive.trashedSeveral", moved, getTrashDays());
    }

    /**
     * Moves the ticked files and folders to the folder chosen in "Move to…". Each goes on its own: one that cannot
     * (someone else's file, a folder into itself) says why and stays; the others move.
     */
    private void moveSelected() {
        String viewer = viewer();
        String address = clientAddress();
        String target = moveTarget == null || moveTarget.isBlank() ? null : moveTarget;
        List<String> folderIds = pickedFolderIds();
        int moved = forEachSelected(row -> files.moveTo(viewer, row.getId(), target, address));
        for (String id : folderIds) {
            try {
                folders.move(viewer, id, target, address);
                moved++;
            } catch (ApiException e) {
                Messages.error(e);
            }
        }
        movingSelection = false;
        Messages.info("drive.movedSeveral", moved);
    }

    /** Shares the selected files with everyone signed in, or makes them private. */
    public void shareSelected(boolean shared) {
        String viewer = viewer();
        Visibility visibility = shared ? Visibility.SHARED : Visibility.PRIVATE;
        String address = clientAddress();
        int changed = forEachSelected(row -> files.setVisibility(viewer, row.getId(), visibility, address));
        Messages.info(shared ? "drive.sharedSeveral" : "drive.privateSeveral", changed);
    }

    /**
     * Shares the ticked files and folders with one person (the folders so they may add files, if asked). Each goes
     * on its own; what stops one (no such person, someone else's file) is said once however many it stopped, and
     * when it stopped all of them the dialog stays open to correct the name.
     */
    public void shareSelectedWith() {
        String viewer = viewer();
        String address = clientAddress();
        List<Runnable> shares = new ArrayList<>();
        selected.forEach(row -> shares.add(() -> files.shareWith(viewer, row.getId(), sharePerson, address)));
        pickedFolderIds().forEach(id -> shares.add(() -> folders.shareWith(viewer, id, sharePerson, shareCanAdd,
                address)));
        Map<String, ApiException> problems = new java.util.LinkedHashMap<>();
        int shared = 0;
        for (Runnable share : shares) {
            try {
                share.run();
                shared++;
            } catch (ApiException e) {
                problems.putIfAbsent(e.getClass().getName(), e);
            }
        }
        problems.values().forEach(Messages::error);
        if (shared == 0) {
            FacesContext.getCurrentInstance().validationFailed();
            return;
        }
        Messages.info("drive.sharedSeveralWith", shared, sharePerson.strip());
        clearSelection();
        sharePerson = null;
        shareCanAdd = false;
    }

    public String getSharePerson() {
        return sharePerson;
    }

    public void setSharePerson(String sharePerson) {
        this.sharePerson = sharePerson;
    }

    public boolean isShareCanAdd() {
        return shareCanAdd;
    }

    public void setShareCanAdd(boolean shareCanAdd) {
        this.shareCanAdd = shareCanAdd;
    }

    /** Applies the action to each selected file, then clears the selection; says how many were not the viewer's. */
    private int forEachSelected(java.util.function.Consumer<FileRow> action) {
        int done = 0;
        int refused = 0;
        for (FileRow row : selected) {
            try {
                action.accept(row);
                done++;
            } catch (ApiException e) {
                refused++;
            }
        }
        clearSelection();
        if (refused > 0) {
            Messages.warn("drive.notYoursSeveral", refused);
        }
        return done;
    }

    /** Moves the file to the trash: undone from the trash view, so no confirmation is asked. */
    public void trash(FileRow row) {
        act(() -> files.trash(viewer(), row.getId(), clientAddress()), "drive.trashed", row.getName(), getTrashDays());
    }

    public void restore(FileRow row) {
        act(() -> files.restore(viewer(), row.getId(), clientAddress()), "drive.restored", row.getName());
    }

    public void deleteForever(FileRow row) {
        act(() -> files.deleteForever(viewer(), row.getId(), clientAddress()), "drive.deleted", row.getName());
    }

    /** An admin removes someone else's file for good (content that must go). */
    public void remove(FileRow row) {
        act(() -> {
            if (!FacesContext.getCurrentInstance().getExternalContext().isUserInRole(Roles.ADMIN)) {
                throw new NotOwnerException(); // the button is an admin's only; a forged request gets nothing
            }
            files.remove(viewer(), row.getId(), clientAddress());
        }, "drive.removed", row.getName(), row.getOwner());
    }

    /** Runs one action of the page and says how it went: the message {@code doneKey}, or the error's own text. */
    private static void act(Runnable action, String doneKey, Object... arguments) {
        try {
            action.run();
            Messages.info(doneKey, arguments);
        } catch (ApiException e) {
            Messages.error(e);
        }
    }

    /** The folders deleted with files still in the trash, shown in the trash view above its files. */
    public List<TrashedFolder> getDeletedFolders() {
        return isTrash() ? files.trashedFolders(viewer()) : List.of();
    }

    public void restoreDeletedFolder(TrashedFolder folder) {
        sayFiles("drive.folderRestored", folder, id -> files.restoreFolder(viewer(), id, clientAddress()));
    }

    public void deleteDeletedFolderForever(TrashedFolder folder) {
        sayFiles("drive.folderDeletedForever", folder, id -> files.deleteFolderForever(viewer(), id, clientAddress()));
    }

    /** Runs an action on a deleted folder and says how many of its files it took (or why it could not). */
    private static void sayFiles(String doneKey, TrashedFolder folder, java.util.function.ToIntFunction<String> action) {
        try {
            Messages.info(doneKey, folder.name(), action.applyAsInt(folder.id().toHexString()));
        } catch (ApiException e) {
            Messages.error(e);
        }
    }

    public void emptyTrash() {
        Messages.info("drive.trashEmptied", files.emptyTrash(viewer(), clientAddress()));
    }

    private String clientAddress() {
        return clientAddresses.of((HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext().getRequest());
    }

    public String getNewName() {
        return newName;
    }

    public void setNewName(String newName) {
        this.newName = newName;
    }

    public String getUsage() {
        return humanSize(files.usedBy(viewer())) + " / " + humanSize(settings.quotaPerUser());
    }

    public String humanSize(long bytes) {
        return ByteSizes.human(bytes, locale());
    }

    public String formatDate(Instant instant) {
        return VietnamTime.stamp(instant);
    }

    /** The page's texts for its scripts, as a JSON object safe to put inside a script element. */
    public String getClientText() {
        ResourceBundle bundle = ResourceBundle.getBundle(Messages.BUNDLE, locale());
        JsonObjectBuilder text = JsonProviders.JSON.createObjectBuilder();
        for (String key : CLIENT_KEYS) {
            text.add(key, bundle.getString("drive.js." + key));
        }
        JsonObjectBuilder errors = JsonProviders.JSON.createObjectBuilder();
        for (DriveError error : DriveError.values()) {
            errors.add(error.code(), bundle.getString("error." + error.code()));
        }
        return text.add("errors", errors).build().toString().replace("<", "\\u003c");
    }

    private static Locale locale() {
        return FacesContext.getCurrentInstance().getViewRoot().getLocale();
    }

    /** Who makes the current request: read from the request's principal every time, never kept. */
    static String viewer() {
        return FacesContext.getCurrentInstance().getExternalContext().getUserPrincipal().getName();
    }
}
