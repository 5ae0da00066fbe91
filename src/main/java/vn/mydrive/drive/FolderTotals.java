package vn.mydrive.drive;

/** What a folder holds: files and their bytes, counted down its whole subtree (or directly, as the store gives them). */
public record FolderTotals(long files, long bytes) {

    public static final FolderTotals NONE = new FolderTotals(0, 0);

    public FolderTotals plus(FolderTotals other) {
        return new FolderTotals(files + other.files, bytes + other.bytes);
    }
}
