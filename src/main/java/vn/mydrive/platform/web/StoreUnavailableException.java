package vn.mydrive.platform.web;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;

/** The store did not answer or could not save: nothing was changed, and the same request may work shortly (503). */
public class StoreUnavailableException extends ApiException {

    public StoreUnavailableException() {
        super(Status.SERVICE_UNAVAILABLE, "store_unavailable", "The store is not available right now; try again shortly.");
    }

    @Override
    public Response.ResponseBuilder decorate(Response.ResponseBuilder response) {
        return response.header(HttpHeaders.RETRY_AFTER, 5);
    }
}
