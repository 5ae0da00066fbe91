package vn.mydrive.auth;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import java.time.Duration;
import java.time.Instant;
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

    /** A password of the right length that is too easy to guess; {@link #weakness} says why. */
    static final class WeakPasswordException extends InvalidRequestException {
        private final PasswordStrength.Weakness weakness;

        WeakPasswordException(PasswordStrength.Weakness weakness) {
            super("weak_password", "This password is too easy to guess (" + weakness.code() + "). Use a longer one, "
                    + "for example a few uncommon words; avoid common passwords, names, your username, keyboard "
                    + "patterns, repeats and dates.");
            this.weakness = weakness;
        }

        PasswordStrength.Weakness weakness() {
            return weakness;
        }
    }

    static final class PasswordMismatchException extends InvalidRequestException {
        PasswordMismatchException() {
            super("password_mismatch", "The two passwords are not the same.");
        }
    }

    /**
     * Sign-up tells that a name is taken (people must be able to pick another); sign-in never does. Sign-up is
     * limited per address, so this cannot be used to list accounts at any speed.
     */
    static final class UsernameTakenException extends ApiException {
        UsernameTakenException() {
            super(Status.CONFLICT, "username_taken", "Username already exists");
        }
    }

    /** One message for an unknown user and a wrong password, so sign-in cannot be used to probe accounts. */
    static final class WrongCredentialsException extends ApiException {
        WrongCredentialsException() {
            super(Status.UNAUTHORIZED, "wrong_credentials", "Wrong username or password");
        }
    }

    /** The account's session is held by a client that is still there; signing in again may take it over. */
    /** Told only after the password was right: a wrong one is answered as for any account. */
    static final class AccountDisabledException extends ApiException {
        AccountDisabledException() {
            super(Status.FORBIDDEN, "account_disabled", "This account was disabled by an administrator.");
        }
    }

    static final class NoSuchAccountException extends ApiException {
        NoSuchAccountException() {
            super(Status.NOT_FOUND, "no_account", "There is no such account.");
        }
    }

    /** Admins are not disabled through the app: the last one would lock everyone out of the admin pages. */
    static final class AdminAccountException extends ApiException {
        AdminAccountException() {
            super(Status.CONFLICT, "admin_account", "An admin account cannot be disabled or deleted here.");
        }
    }

    static final class WrongPasswordException extends ApiException {
        WrongPasswordException() {
            super(Status.FORBIDDEN, "wrong_password", "That is not this account's password.");
        }
    }

    static final class AlreadySignedInException extends ApiException {
        private final Instant since;
        private final String address;

        AlreadySignedInException(Instant since, String address) {
            super(Status.CONFLICT, "already_signed_in", "This account is already signed in on another device"
                    + (since == null ? "" : " (since " + since + (address == null ? "" : ", from " + address) + ")")
                    + ". Sign in with \"takeOver\": true to end that session and continue here.");
            this.since = since;
            this.address = address;
        }

        Instant since() {
            return since;
        }

        String address() {
            return address;
        }
    }

    /** Refused for now; try again after {@code Retry-After} seconds. */
    abstract static class RetryLaterException extends ApiException {
        private final Duration retryAfter;

        RetryLaterException(String code, String message, Duration retryAfter) {
            super(Status.TOO_MANY_REQUESTS, code, message + " Try again in " + seconds(retryAfter) + " seconds.");
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

    static final class TooManyAttemptsException extends RetryLaterException {
        TooManyAttemptsException(Duration retryAfter) {
            super("too_many_attempts", "Too many failed sign-ins.", retryAfter);
        }
    }

    static final class TooManySignUpsException extends RetryLaterException {
        TooManySignUpsException(Duration retryAfter) {
            super("too_many_signups", "Too many accounts were created from this address.", retryAfter);
        }
    }
}
