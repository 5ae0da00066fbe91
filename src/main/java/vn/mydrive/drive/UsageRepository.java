package vn.mydrive.drive;

/**
 * Bytes each account uses: its files plus its unfinished uploads, reserved in full when an upload starts.
 * Reserving is atomic across nodes, so two uploads started at once cannot both squeeze under the quota.
 */
public interface UsageRepository {

    /** Reserves {@code bytes} if the account stays within {@code quota}; false otherwise. */
    boolean reserve(String ownerKey, long bytes, long quota);

    void release(String ownerKey, long bytes);

    long total();

    long used(String ownerKey);
}
