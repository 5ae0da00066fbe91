package vn.mydrive.platform.web;

import jakarta.json.JsonException;
import jakarta.json.bind.JsonbException;

/**
 * Recognises a request body the JSON binding could not read. RESTEasy and Jersey wrap the cause differently,
 * so the cause chain is searched rather than one exception type caught.
 */
final class JsonBodyErrors {

    private JsonBodyErrors() {
    }

    static boolean causedByBody(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof JsonbException || t instanceof JsonException || t instanceof BodyTooLargeException) {
                return true;
            }
        }
        return false;
    }

    static ApiException toApiException(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BodyTooLargeException tooLarge) {
                return new PayloadTooLargeException(tooLarge.limit());
            }
        }
        return new InvalidRequestException("malformed_json",
                "The request body is not valid JSON of the expected shape.");
    }
}
