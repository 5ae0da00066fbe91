package vn.mydrive.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Anything unexpected: logged in full here, reported to the client without internals; a store failure is a 503. */
@Provider
public class InternalErrorMapper implements ExceptionMapper<Throwable> {

    @Context
    HttpServletRequest request;

    private static final Logger LOG = Logger.getLogger(InternalErrorMapper.class.getName());

    @Override
    public Response toResponse(Throwable e) {
        Optional<ApiException> body = JsonBodyErrors.of(e, request);
        if (body.isPresent()) {
            return ApiExceptionMapper.errorResponse(body.get());
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof com.mongodb.MongoException) {
                LOG.log(Level.WARNING, "The store failed a request", e);
                return ApiExceptionMapper.errorResponse(new StoreUnavailableException());
            }
        }
        LOG.log(Level.SEVERE, "Unhandled error in the API", e);
        return ApiExceptionMapper.errorResponse(internalError());
    }

    static ApiException internalError() {
        return new ApiException(Status.INTERNAL_SERVER_ERROR, "internal_error", "Something went wrong on the server.");
    }
}
