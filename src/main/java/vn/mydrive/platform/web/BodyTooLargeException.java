package vn.mydrive.platform.web;

import java.io.IOException;

/** Thrown while a request body is read once it passes the limit, so the reader stops early. */
final class BodyTooLargeException extends IOException {

    private final long limit;

    BodyTooLargeException(long limit) {
        super("Request body larger than " + limit + " bytes");
        this.limit = limit;
    }

    long limit() {
        return limit;
    }
}
