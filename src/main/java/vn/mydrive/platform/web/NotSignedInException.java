package vn.mydrive.platform.web;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;

/** The request needs a signed-in caller and has none, or its token was refused (401). */
public class NotSignedInException extends ApiException {

    public NotSignedInException(String code, String message) {
        super(Status.UNAUTHORIZED, code, message);
    }

    @Override
    public Response.ResponseBuilder decorate(Response.ResponseBuilder response) {
        return response.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"mydrive\", error=\"" + code() + "\"");
    }
}
