package vn.mydrive.platform.web;

import jakarta.ws.rs.core.Response.Status;

/** A request whose content breaks a rule the client can fix (400). */
public class InvalidRequestException extends ApiException {

    public InvalidRequestException(String code, String message) {
        super(Status.BAD_REQUEST, code, message);
    }
}
