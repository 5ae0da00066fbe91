package vn.mydrive.platform.web;

import jakarta.ws.rs.core.Response;

/**
 * An error the API reports to its client. Each kind of failure is its own subclass, so a resource throws what
 * went wrong and {@link ApiExceptionMapper} turns it into a status and an {@link ApiError} body.
 */
public class ApiException extends RuntimeException {

    private final Response.StatusType status;
    private final String code;

    public ApiException(Response.StatusType status, String code, String message) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
    }

    public Response.StatusType status() {
        return status;
    }

    public String code() {
        return code;
    }

    /** Values for the placeholders of the localised message a page shows for this code ({@code error.<code>}). */
    public Object[] messageArguments() {
        return new Object[0];
    }

    /** Lets a subclass add headers such as {@code Retry-After}. */
    public Response.ResponseBuilder decorate(Response.ResponseBuilder response) {
        return response;
    }
}
