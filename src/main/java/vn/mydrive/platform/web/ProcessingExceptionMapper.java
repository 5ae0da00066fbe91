package vn.mydrive.platform.web;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;

/** A body that could not be read (malformed JSON, wrong shape, too large) is the client's error, not ours. */
@Provider
public class ProcessingExceptionMapper implements ExceptionMapper<ProcessingException> {

    private static final Logger LOG = Logger.getLogger(ProcessingExceptionMapper.class.getName());

    @Override
    public Response toResponse(ProcessingException e) {
        if (JsonBodyErrors.causedByBody(e)) {
            return ApiExceptionMapper.errorResponse(JsonBodyErrors.toApiException(e));
        }
        LOG.log(Level.WARNING, "Request processing failed", e);
        return ApiExceptionMapper.errorResponse(InternalErrorMapper.internalError());
    }
}
