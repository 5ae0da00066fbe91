package vn.mydrive.drive;

import java.util.List;

/**
 * The answer to an upload request: the upload to send segments for, the segments the server already holds
 * (non-empty when resuming), or the finished file when nothing is left to send (an empty file, say).
 */
public record UploadTicket(Upload upload, List<Integer> received, StoredFile completed) {
}
