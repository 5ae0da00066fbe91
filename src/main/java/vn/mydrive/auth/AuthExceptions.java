package vn.mydrive.auth;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import java.time.Duration;
import vn.mydrive.platform.web.ApiException;
import vn.mydrive.platform.web.InvalidRequestException;

/** The account errors, each its own type with its own status and stable code. */
final class AuthExceptions {

    private AuthExceptions() {
    }

    static final class MissingCredentialsException extends InvalidRequestException {
        MissingCredentialsException() {
            super("missing_credentials", "Missing username or password");
        }
    }

    static final class InvalidUsernameException extends InvalidRequestException {
        InvalidUsernameException() {
            super("invalid_username", "A username is " + Usernames.MIN_LENGTH + "-" + Usernames.MAX_LENGTH
                    + " characters: letters a-z, digits, '.', '_' or '-'.");
        }
    }

    static final class InvalidPasswordException extends InvalidRequestException {
        InvalidPasswordException() {
            super("invalid_password", "A password is " + Passwords.MIN_LENGTH + "-" + Passwords.MAX_LENGTH
                    + " characters long.");
        }
    }

    static final class PasswordMismatchException extends InvalidRequestException {
        PasswordMismatchException() {
            super("password_mismatch", "The two passwords are not the same.");
        }
    }

    static final class UsernameTakenException extends ApiException {
        UsernameTakenException() {
            super(Status.CONFLICT, "username_taken", "Username already exists");
        }
    }

    /** One message for an unknown user and a wrong password, so nobody can probe which accounts exist. */
    static final class WrongCredentialsException extends ApiException {
        WrongCredentialsException() {
            super(Status.UNAUTHORIZED, "wrong_credentials", "Wrong username or password");
        }
    }

    static final class AlreadySignedInException extends ApiException {
        AlreadySignedInException() {
            super(Status.CONFLICT, "already_signed_in", "This account is already signed in on another client");
        }
    }

    static final class TooManyAttemptsException extends ApiException {
        private final Duration retryAfter;

        TooManyAttemptsException(Duration retryAfter) {
            super(Status.TOO_MANY_REQUESTS, "too_many_attempts",
                    "Too many failed sign-ins. Try again in " + seconds(retryAfter) + " seconds.");
            this.retryAfter = retryAfter;
        }

        @Override
        public Object[] messageArguments() {
            return new Object[] {seconds(retryAfter)};
        }

        @Override
        public Response.ResponseBuilder decorate(Response.ResponseBuilder response) {
            return response.header(HttpHeaders.RETRY_AFTER, seconds(retryAfter));
        }

        private static long seconds(Duration d) {
            return Math.max(1, (d.toMillis() + 999) / 1000);
        }
    }
}
