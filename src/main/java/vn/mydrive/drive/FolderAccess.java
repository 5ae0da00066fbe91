package vn.mydrive.drive;

/**
 * What a person may do in a folder, from the folder's owner and the shares of the folder and of every folder it is
 * in (a share reaches down the tree, as people expect of a shared folder). Ordered: each includes those before it.
 */
public enum FolderAccess {
    /** Not theirs, not shared with them: the folder is not found, as for a stranger's file. */
    NONE,
    /** See its folders and files, open and download them. */
    VIEW,
    /** View, and upload files into it; the files stay their uploader's (and count in the uploader's quota). */
    ADD,
    /** Everything: the owner's. */
    OWNER;

    public boolean canView() {
        return this != NONE;
    }

    public boolean canAdd() {
        return this == ADD || this == OWNER;
    }

    /** The wire name ({@code view}, {@code add}, {@code owner}). */
    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
