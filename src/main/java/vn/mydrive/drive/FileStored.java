package vn.mydrive.drive;

/** A file was just completed and listed: work that follows a new file (its thumbnail) starts from here. */
public record FileStored(StoredFile file) {
}
