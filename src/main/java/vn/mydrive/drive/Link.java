package vn.mydrive.drive;

import java.time.Instant;
import org.bson.types.ObjectId;

/**
 * A public link to one file or one folder, for people without an account: whoever holds its token may download the
 * file, or browse the folder and download what is in it and below it (nothing above or beside it), after the
 * password if it has one, until it expires or its owner revokes it.
 *
 * @param token        43 characters of URL-safe base64 from 32 random bytes: unguessable, the link's whole secret
 * @param expiresAt    when it stops working, or null for never
 * @param passwordHash PBKDF2 hash of its password, or null when it has none
 * @param fileId       the file it gives, or null for a link to a folder
 * @param folderId     the folder it opens, or null for a link to a file
 * @param downloads    how many whole downloads it has served (files, or zips)
 */
public record Link(ObjectId id, String token, ObjectId fileId, ObjectId folderId, String ownerKey, Instant createdAt,
                   Instant expiresAt, String passwordHash, long downloads) {

    /** Whether it opens a folder (then {@code fileId} is null) rather than a file (then {@code folderId} is). */
    public boolean isToFolder() {
        return folderId != null;
    }

    public boolean hasExpired(Instant now) {
        return expiresAt != null && !expiresAt.isAfter(now);
    }

    public boolean hasPassword() {
        return passwordHash != null;
    }
}
