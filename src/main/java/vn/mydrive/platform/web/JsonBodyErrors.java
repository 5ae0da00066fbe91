package vn.mydrive.platform.web;

import jakarta.json.JsonException;
import jakarta.json.bind.JsonbException;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;

/**
 * Recognises a request body the API could not read: cut off at the size cap (413), or not JSON of the expected
 * shape (400). RESTEasy and Jersey wrap the cause differently, so the cause chain is searched rather than one
 * exception type caught, and a body cut off at the cap is known by the mark the limit filter left on the request.
 */
final class JsonBodyErrors {

    private JsonBodyErrors() {
    }

    /** The client's error behind {@code e}, if it was the body's fault. */
    static Optional<ApiException> of(Throwable e, HttpServletRequest request) {
        if (request != null && request.getAttribute(RequestBodyLimitFilter.TOO_LARGE) instanceof Long limit) {
            return Optional.of(new PayloadTooLargeException(limit));
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BodyTooLargeException tooLarge) {
                return Optional.of(new PayloadTooLargeException(tooLarge.limit()));
            }
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof JsonbException || t instanceof JsonException) {
                return Optional.of(new InvalidRequestException("malformed_json",
                        "The request body is not valid JSON of the expected shape."));
            }
        }
        return Optional.empty();
    }
}
