package vn.mydrive.drive.web;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bson.types.ObjectId;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.primefaces.model.SortOrder;
import vn.mydrive.drive.FileQuery;
import vn.mydrive.drive.FileService;
import vn.mydrive.drive.FolderService;
import vn.mydrive.drive.StoredFile;
import vn.mydrive.platform.security.AccountKey;

/**
 * The drive page's file table, paged, sorted and filtered in the store: only the visible page is ever
 * loaded, so the table stays quick with tens of thousands of files. The viewer is whoever makes the request,
 * read afresh every time, never the one who opened the page.
 */
final class FileTableModel extends LazyDataModel<FileRow> {

    private static final long serialVersionUID = 1L;

    private final transient FileService files;
    private final transient FolderService folders;
    private FileQuery.Scope scope = FileQuery.Scope.ALL;
    private String search;
    private boolean inFolder;
    private ObjectId folderId;

    FileTableModel(FileService files, FolderService folders) {
        this.files = files;
        this.folders = folders;
    }

    void setScope(FileQuery.Scope scope) {
        this.scope = scope;
    }

    /** Lists only the files directly in a folder ({@code id} null: the top of the drive), unless a search is on. */
    void setFolder(boolean inFolder, ObjectId id) {
        this.inFolder = inFolder;
        this.folderId = id;
    }

    /** The toolbar's name search: a box of its own, since phones (reflow mode) hide the columns' filters. */
    void setSearch(String search) {
        this.search = search == null || search.isBlank() || search.length() > 255 ? null : search.strip();
    }

    @Override
    public int count(Map<String, FilterMeta> filters) {
        if (!mayOpenFolder()) {
            return 0;
        }
        return (int) Math.min(Integer.MAX_VALUE, files.count(query(0, 0, Map.of(), filters)));
    }

    /**
     * Whether the viewer may still open the folder listed (checked at every load, not only when it was opened: a
     * folder shared with them may be unshared while the page shows it).
     */
    private boolean mayOpenFolder() {
        return !inFolder || folderId == null || folders.access(DrivePage.viewer(), folderId).canView();
    }

    @Override
    public List<FileRow> load(int first, int pageSize, Map<String, SortMeta> sorts, Map<String, FilterMeta> filters) {
        if (!mayOpenFolder()) {
            return List.of();
        }
        String viewer = DrivePage.viewer();
        List<StoredFile> page = files.page(query(first, pageSize, sorts, filters));
        if (scope != FileQuery.Scope.MINE || search == null) {
            return page.stream().map(f -> new FileRow(f, viewer)).toList();
        }
        // A search in "My files" looks in every folder: each result says where it is.
        Map<ObjectId, String> paths = new HashMap<>();
        folders.allPaths(viewer).forEach(f -> paths.put(f.id(), f.path()));
        return page.stream().map(f -> new FileRow(f, viewer, f.folderId() == null ? "/" : paths.get(f.folderId())))
                .toList();
    }

    @Override
    public String getRowKey(FileRow row) {
        return row.getId();
    }

    @Override
    public FileRow getRowData(String rowKey) {
        String viewer = DrivePage.viewer();
        return new FileRow(scope == FileQuery.Scope.TRASH ? files.inTrash(viewer, rowKey) : files.get(viewer, rowKey),
                viewer);
    }

    private FileQuery query(int first, int pageSize, Map<String, SortMeta> sorts, Map<String, FilterMeta> filters) {
        // The trash lists what went there last first, as people look for what they have just deleted.
        FileQuery.Sort sort = scope == FileQuery.Scope.TRASH ? FileQuery.Sort.TRASHED_AT : FileQuery.Sort.UPLOAD_DATE;
        boolean ascending = false;
        for (SortMeta meta : sorts.values()) {
            if (meta.getOrder() == SortOrder.UNSORTED) {
                continue;
            }
            sort = switch (meta.getField()) {
                case "name" -> FileQuery.Sort.NAME;
                case "owner" -> FileQuery.Sort.OWNER;
                case "size" -> FileQuery.Sort.SIZE;
                // The date column shows when a file went to the trash, in the trash.
                default -> scope == FileQuery.Scope.TRASH ? FileQuery.Sort.TRASHED_AT : FileQuery.Sort.UPLOAD_DATE;
            };
            ascending = meta.getOrder() == SortOrder.ASCENDING;
            break;
        }
        String name = search;
        String owner = filterValue(filters, "owner");
        // In a folder (not the top), every file in it is listed, whoever added it: the page checked the folder.
        FileQuery.Scope listed = inFolder && folderId != null && name == null ? FileQuery.Scope.IN_FOLDER : scope;
        FileQuery query = new FileQuery(AccountKey.of(DrivePage.viewer()), listed,
                owner == null ? null : AccountKey.of(owner), name, sort, ascending, first, pageSize, false, null);
        // A search looks in every folder, as people expect of a drive's search box.
        return inFolder && name == null ? query.in(folderId) : query;
    }

    private static String filterValue(Map<String, FilterMeta> filters, String field) {
        FilterMeta meta = filters.get(field);
        if (meta == null || meta.getFilterValue() == null) {
            return null;
        }
        String value = meta.getFilterValue().toString().strip();
        return value.isEmpty() || value.length() > 255 ? null : value;
    }
}
