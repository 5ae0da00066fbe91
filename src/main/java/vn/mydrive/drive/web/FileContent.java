package vn.mydrive.drive.web;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.util.Optional;
import vn.mydrive.drive.FileService;
import vn.mydrive.drive.StoredFile;

/**
 * A file's bytes as an HTTP answer, the same for the signed-in API and public links: {@code ETag} (its SHA-256),
 * {@code If-None-Match}, {@code Range} with {@code If-Range}, and the headers that keep a browser from running it
 * ({@link Presentation}). The body is streamed a chunk at a time when the answer is written.
 */
final class FileContent {

    private FileContent() {
    }

    /** Status, headers and (when {@code withBody}) the streamed bytes for a content request. */
    static Response.ResponseBuilder answer(FileService files, StoredFile file, Presentation presentation,
                                           HttpHeaders headers, boolean withBody) {
        String etag = "\"" + file.sha256() + "\"";
        if (etag.equals(headers.getHeaderString(HttpHeaders.IF_NONE_MATCH))) {
            return Response.notModified().header(HttpHeaders.ETAG, etag);
        }
        String ifRange = headers.getHeaderString("If-Range");
        Optional<ByteRange> range = ifRange == null || ifRange.equals(etag)
                ? ByteRange.parse(headers.getHeaderString("Range"), file.size()) : Optional.empty();
        if (range.isPresent() && !range.get().satisfiable()) {
            return Response.status(Response.Status.REQUESTED_RANGE_NOT_SATISFIABLE)
                    .header("Content-Range", "bytes */" + file.size());
        }
        long first = range.map(ByteRange::first).orElse(0L);
        long last = range.map(ByteRange::last).orElse(file.size() - 1);
        Response.ResponseBuilder answer = Response.status(range.isPresent() ? 206 : 200)
                .type(presentation.mediaType())
                .header(HttpHeaders.ETAG, etag)
                .header("Accept-Ranges", "bytes")
                .header(HttpHeaders.CONTENT_LENGTH, last - first + 1)
                .header("Content-Disposition", presentation.disposition())
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", presentation.policy())
                .header("X-Frame-Options", presentation.framing());
        if (range.isPresent()) {
            answer.header("Content-Range", "bytes " + first + "-" + last + "/" + file.size());
        }
        if (withBody && file.size() > 0) {
            StreamingOutput body = out -> files.copyRange(file, first, last, out);
            answer.entity(body);
        }
        return answer;
    }

    /** Whether the answer gives the whole file from its first byte (what a link counts as a download). */
    static boolean isWholeFile(Response built) {
        return built.getStatus() == 200;
    }
}
