package vn.mydrive.drive.web;

import java.io.Serializable;
import vn.mydrive.drive.Folder;

/** A folder as the drive page shows it (a JavaBean: Expression Language cannot read records). */
public final class FolderRow implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String id;
    private final String name;

    FolderRow(Folder folder) {
        this.id = folder.id().toHexString();
        this.name = folder.name();
    }

    public String getId() {
        return id;
    }

    public String getName() {
        return name;
    }
}
