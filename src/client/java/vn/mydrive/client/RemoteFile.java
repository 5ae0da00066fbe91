package vn.mydrive.client;

import jakarta.json.JsonObject;
import java.time.Instant;

/**
 * A file in the drive as the server lists it ({@code GET /api/files}).
 *
 * @param owner its owner's name, or "-" for a file another GridFS client wrote that no account owns yet (the server
 *              leaves the field out)
 */
public record RemoteFile(String id, String name, String owner, long size, Instant uploadDate, String sha256,
                         String visibility, boolean mine) {

    static RemoteFile of(JsonObject json) {
        return new RemoteFile(json.getString("id"), json.getString("name"), json.getString("owner", "-"),
                json.getJsonNumber("size").longValue(), Instant.parse(json.getString("uploadDate")),
                json.getString("sha256", null), json.getString("visibility"), json.getBoolean("mine", false));
    }
}
