package vn.mydrive.platform.web;

import jakarta.ws.rs.core.Response.Status;

/** The caller is known but may not do this (403). */
public class ForbiddenException extends ApiException {

    public ForbiddenException(String code, String message) {
        super(Status.FORBIDDEN, code, message);
    }
}
