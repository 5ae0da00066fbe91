package vn.mydrive.platform.web;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Answers an {@link ApiException} with its status and an {@link ApiError} body. */
@Provider
public class ApiExceptionMapper implements ExceptionMapper<ApiException> {

    @Override
    public Response toResponse(ApiException e) {
        return errorResponse(e);
    }

    static Response errorResponse(ApiException e) {
        return errorResponse(e, Response.status(e.status()));
    }

    /** The error as a response built on {@code base}, which may already carry headers (such as {@code Allow}). */
    static Response errorResponse(ApiException e, Response.ResponseBuilder base) {
        return e.decorate(base.status(e.status())
                        .type(MediaType.APPLICATION_JSON_TYPE)
                        .entity(new ApiError(e.code(), e.getMessage())))
                .build();
    }
}
