package vn.mydrive.platform.web;

import jakarta.ws.rs.WebApplicationException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Optional;

/**
 * Gives the JAX-RS runtime's own errors (no such path, wrong method, wrong content type...) the same JSON
 * body as the app's errors, with a fixed message per status so nothing internal leaks.
 */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    @Context
    HttpServletRequest request;

    @Override
    public Response toResponse(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        Optional<ApiException> body = JsonBodyErrors.of(e, request);
        if (body.isPresent() && (status == 400 || status == 413)) {
            return ApiExceptionMapper.errorResponse(body.get());
        }
        ApiException api = switch (status) {
            case 400 -> new ApiException(e.getResponse().getStatusInfo(), "bad_request", "The request is not valid.");
            case 401 -> new NotSignedInException("unauthenticated", "Please sign in.");
            case 403 -> new ForbiddenException("forbidden", "You are not allowed to do this.");
            case 404 -> new ApiException(e.getResponse().getStatusInfo(), "not_found", "There is nothing here.");
            case 405 -> new ApiException(e.getResponse().getStatusInfo(), "method_not_allowed",
                    "This method is not allowed here.");
            case 406 -> new ApiException(e.getResponse().getStatusInfo(), "not_acceptable",
                    "The API answers application/json only.");
            case 413 -> new ApiException(e.getResponse().getStatusInfo(), "payload_too_large",
                    "The request body is too large.");
            case 415 -> new ApiException(e.getResponse().getStatusInfo(), "unsupported_media_type",
                    "Send the request body as application/json.");
            default -> new ApiException(e.getResponse().getStatusInfo(),
                    status >= 500 ? "internal_error" : "request_failed",
                    status >= 500 ? "Something went wrong on the server." : "The request could not be handled.");
        };
        return ApiExceptionMapper.errorResponse(api, Response.fromResponse(e.getResponse()));
    }
}
