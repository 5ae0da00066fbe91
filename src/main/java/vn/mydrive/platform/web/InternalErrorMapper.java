package vn.mydrive.platform.web;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Anything unexpected: logged in full here, reported to the client without internals. */
@Provider
public class InternalErrorMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(InternalErrorMapper.class.getName());

    @Override
    public Response toResponse(Throwable e) {
        if (JsonBodyErrors.causedByBody(e)) {
            return ApiExceptionMapper.errorResponse(JsonBodyErrors.toApiException(e));
        }
        LOG.log(Level.SEVERE, "Unhandled error in the API", e);
        return ApiExceptionMapper.errorResponse(internalError());
    }

    static ApiException internalError() {
        return new ApiException(Status.INTERNAL_SERVER_ERROR, "internal_error", "Something went wrong on the server.");
    }
}
