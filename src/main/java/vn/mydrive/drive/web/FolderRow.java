package vn.mydrive.drive.web;

import java.io.Serializable;
import vn.mydrive.drive.Folder;
import vn.mydrive.drive.FolderTotals;

/** A folder as the drive page shows it (a JavaBean: Expression Language cannot read records). */
public final class FolderRow implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String id;
    private final String name;
    private final long files;
    private final long bytes;
    private final String owner;
    private final int people;

    FolderRow(Folder folder) {
        this(folder, FolderTotals.NONE);
    }

    /** @param totals what it holds, subfolders included */
    FolderRow(Folder folder, FolderTotals totals) {
        this.id = folder.id().toHexString();
        this.name = folder.name();
        this.files = totals.files();
        this.bytes = totals.bytes();
        this.owner = folder.owner();
        this.people = folder.sharedWith().size();
    }

    /** Whose folder it is (shown on folders others shared with the viewer). */
    public String getOwner() {
        return owner;
    }

    /** How many people it is shared with by name (shown to its owner). */
    public int getPeople() {
        return people;
    }

    public String getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public long getFiles() {
        return files;
    }

    public long getBytes() {
        return bytes;
    }
}
