package vn.mydrive.drive;

import java.time.Instant;
import org.bson.types.ObjectId;

/**
 * A public link to one file, for people without an account: whoever holds its token may download the file (after
 * the password, if it has one) until it expires or its owner revokes it.
 *
 * @param token        43 characters of URL-safe base64 from 32 random bytes: unguessable, the link's whole secret
 * @param expiresAt    when it stops working, or null for never
 * @param passwordHash PBKDF2 hash of its password, or null when it has none
 * @param downloads    how many whole downloads it has served
 */
public record Link(ObjectId id, String token, ObjectId fileId, String ownerKey, Instant createdAt, Instant expiresAt,
                   String passwordHash, long downloads) {

    public boolean hasExpired(Instant now) {
        return expiresAt != null && !expiresAt.isAfter(now);
    }

    public boolean hasPassword() {
        return passwordHash != null;
    }
}
