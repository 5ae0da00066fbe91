package vn.mydrive.drive.web;

import vn.mydrive.drive.DriveExceptions.NoPreviewException;
import vn.mydrive.drive.Preview;
import vn.mydrive.drive.StoredFile;
import vn.mydrive.platform.web.ContentDisposition;

/**
 * How a file's bytes are handed to the browser: saved as a download, or shown by the drive's preview. Either way
 * the bytes never run as a page of the site: downloads and previews alike are sandboxed documents with nothing
 * allowed, except a PDF, which the browser's own viewer must render inside the preview's frame (Chromium refuses
 * to show a PDF in a sandbox); a PDF's scripts run in that viewer, never on the site's origin.
 */
record Presentation(String mediaType, String disposition, String policy, String framing) {

    private static final String SANDBOX = "default-src 'none'; frame-ancestors 'none'; sandbox";
    private static final String SANDBOX_FRAMED_BY_SITE = "default-src 'none'; frame-ancestors 'self'; sandbox";
    private static final String PDF_VIEWER = "frame-ancestors 'self'";

    static Presentation download(StoredFile file) {
        return new Presentation(file.contentType(), ContentDisposition.attachment(file.name()), SANDBOX, "DENY");
    }

    /** Served as the type the name says, from a list of types browsers show safely: never the uploader's claim. */
    static Presentation preview(StoredFile file) {
        Preview preview = Preview.of(file.name());
        String inline = ContentDisposition.inline(file.name());
        return switch (preview.kind()) {
            case NONE -> throw new NoPreviewException("Files of this type are not shown in the browser.");
            case PDF -> new Presentation(preview.mediaType(), inline, PDF_VIEWER, "SAMEORIGIN");
            default -> new Presentation(preview.mediaType(), inline, SANDBOX_FRAMED_BY_SITE, "SAMEORIGIN");
        };
    }
}
