package vn.mydrive.platform.web;

/**
 * The body of every error the API answers: a stable machine-readable {@code error} code and a sentence for
 * people. Clients branch on the code, never on the message.
 */
public record ApiError(String error, String message) {
}
