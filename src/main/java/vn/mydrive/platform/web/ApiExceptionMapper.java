package vn.mydrive.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Answers an {@link ApiException} with its status and an {@link ApiError} body; a person who followed a link in
 * the browser (a file's direct link that is not theirs) gets the same status as a short page with a way back.
 */
@Provider
public class ApiExceptionMapper implements ExceptionMapper<ApiException> {

    @Context
    HttpServletRequest request;

    @Override
    public Response toResponse(ApiException e) {
        if (request != null && BrowserNavigation.is(request)) {
            return Response.status(e.status()).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                    .entity(BrowserNavigation.page(request.getContextPath(), e.getMessage())).build();
        }
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
