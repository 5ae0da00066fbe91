package vn.mydrive.platform.web;

import jakarta.ws.rs.core.Response.Status;

/** A request body above the API's limit (413). */
public class PayloadTooLargeException extends ApiException {

    public PayloadTooLargeException(long limit) {
        super(Status.REQUEST_ENTITY_TOO_LARGE, "payload_too_large",
                "The request body is larger than " + limit + " bytes.");
    }
}
