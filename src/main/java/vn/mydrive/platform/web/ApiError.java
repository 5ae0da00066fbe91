package vn.mydrive.platform.web;

import vn.mydrive.platform.json.JsonProviders;

/**
 * The body of every error the API answers: a stable machine-readable {@code error} code and a sentence for
 * people. Clients branch on the code, never on the message.
 */
public record ApiError(String error, String message) {

    /** The body as JSON text, for answers written outside JAX-RS (a refused WebSocket handshake). */
    public String toJson() {
        return JsonProviders.JSON.createObjectBuilder().add("error", error).add("message", message).build().toString();
    }
}
