package vn.mydrive.drive;

/**
 * What a client asks to upload (the {@code upload} message of the transfer protocol).
 *
 * @param lastModified the file's last-modified time in epoch milliseconds, part of what makes a resume match
 * @param fingerprint  CRC32C of the file's first segment, 8 hex digits (required unless the file is empty)
 * @param sha256       the whole file's SHA-256 in hex, if the client knows it (then checked at the end)
 * @param visibility   {@code shared} (default) or {@code private}
 * @param folderId     the id of the caller's folder to put the file in; null for the top of the drive
 */
public record UploadRequest(String name, long size, long lastModified, String contentType, String fingerprint,
                            String sha256, String visibility, String folderId) {
}
