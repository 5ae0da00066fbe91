package vn.mydrive.drive;

/**
 * Checked files no account owns yet that share one top-level {@code owner} (null: those with none), with how many
 * and how many bytes: what the admin is shown to give an unclaimed owner's files to an account.
 */
public record OwnerFiles(String owner, long files, long bytes) {

    /** Both totals together: the store may hand one owner over in several groups (its field in several types). */
    public OwnerFiles plus(OwnerFiles other) {
        return new OwnerFiles(owner, files + other.files, bytes + other.bytes);
    }
}
