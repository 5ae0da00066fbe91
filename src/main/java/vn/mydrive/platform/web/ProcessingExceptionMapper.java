package vn.mydrive.platform.web;

import jakarta.ws.rs.ProcessingException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/** A body that could not be read (malformed JSON, wrong shape, too large) is the client's error, not ours. */
@Provider
public class ProcessingExceptionMapper implements ExceptionMapper<ProcessingException> {

    @Context
    HttpServletRequest request;

    private static final Logger LOG = Logger.getLogger(ProcessingExceptionMapper.class.getName());

    @Override
    public Response toResponse(ProcessingException e) {
        Optional<ApiException> body = JsonBodyErrors.of(e, request);
        if (body.isPresent()) {
            return ApiExceptionMapper.errorResponse(body.get());
        }
        LOG.log(Level.WARNING, "Request processing failed", e);
        return ApiExceptionMapper.errorResponse(InternalErrorMapper.internalError());
    }
}
