package vn.mydrive.auth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import vn.mydrive.auth.AuthExceptions.AccountDisabledException;
import vn.mydrive.auth.AuthExceptions.AdminAccountException;
import vn.mydrive.auth.AuthExceptions.AlreadySignedInException;
import vn.mydrive.auth.AuthExceptions.InvalidPasswordException;
import vn.mydrive.auth.AuthExceptions.InvalidUsernameException;
import vn.mydrive.auth.AuthExceptions.MissingCredentialsException;
import vn.mydrive.auth.AuthExceptions.NoSuchAccountException;
import vn.mydrive.auth.AuthExceptions.PasswordMismatchException;
import vn.mydrive.auth.AuthExceptions.TooManyAttemptsException;
import vn.mydrive.auth.AuthExceptions.TooManySignUpsException;
import vn.mydrive.auth.AuthExceptions.UsernameTakenException;
import vn.mydrive.auth.AuthExceptions.WeakPasswordException;
import vn.mydrive.auth.AuthExceptions.WrongCredentialsException;
import vn.mydrive.auth.AuthExceptions.WrongPasswordException;
import vn.mydrive.platform.events.AccountDeleting;
import vn.mydrive.platform.events.Activity;
import vn.mydrive.platform.events.Activity.Kind;
import vn.mydrive.platform.security.AccountKey;
import vn.mydrive.platform.security.PasswordHasher;
import vn.mydrive.platform.security.Roles;
import vn.mydrive.platform.security.SessionEnding;

/**
 * Registration, sign-in and sign-out: the rules both the JSON API and the pages follow. Errors are thrown as
 * the API exceptions of {@link AuthExceptions}; the pages show the same codes in the reader's language.
 */
@ApplicationScoped
public class AuthService {

    @Inject
    AccountStore accounts;

    @Inject
    SessionService sessions;

    @Inject
    PasswordHasher hasher;

    @Inject
    LoginThrottle throttle;

    @Inject
    KnownDevices devices;

    @Inject
    Event<Activity> activity;

    @Inject
    Event<AccountDeleting> deleting;

    /**
     * Creates a user account; returns the username as stored.
     *
     * @param confirmPassword the password typed a second time; checked when given
     */
    public String register(String username, String password, String confirmPassword, String clientAddress) {
        requirePresent(username, password);
        if (!Usernames.isValid(username)) {
            throw new InvalidUsernameException();
        }
        if (confirmPassword != null && !confirmPassword.equals(password)) {
            throw new PasswordMismatchException();
        }
        requireStrong(password, username);
        Instant now = Instant.now();
        Optional<Duration> wait = throttle.signUpWait(clientAddress, now);
        if (wait.isPresent()) {
            throw new TooManySignUpsException(wait.get());
        }
        throttle.recordSignUp(clientAddress, now);
        Account account = new Account(username, hasher.hash(password), Set.of(Roles.USER), now);
        if (!accounts.insert(account)) {
            throw new UsernameTakenException();
        }
        activity.fire(Activity.of(Kind.REGISTER, username, clientAddress, null));
        return username;
    }

    /**
     * Checks the password and starts the account's one session. While another session of the account is held
     * by a client that is still there, this is refused unless {@code takeOver}, which ends that session (its
     * token stops working at once).
     */
    public SignIn signIn(SignInAttempt attempt) {
        requirePresent(attempt.username(), attempt.password());
        String key = AccountKey.of(attempt.username());
        Instant now = Instant.now();
        String knownDevice = Usernames.isValid(attempt.username())
                ? devices.knownFor(attempt.deviceToken(), key, now) : null;
        Optional<Duration> wait = throttle.retryAfter(key, attempt.clientAddress(), knownDevice, now);
        if (wait.isPresent()) {
            refused(attempt, "too_many_attempts");
            throw new TooManyAttemptsException(wait.get());
        }
        Optional<Account> found = Usernames.isValid(attempt.username()) ? accounts.find(key) : Optional.empty();
        boolean passwordOk = found.isPresent()
                ? hasher.verify(attempt.password(), found.get().passwordHash())
                : hasher.verifyAgainstDecoy(attempt.password());
        if (!passwordOk) {
            throttle.recordFailure(key, attempt.clientAddress(), knownDevice, now);
            refused(attempt, "wrong_credentials");
            throw new WrongCredentialsException();
        }
        throttle.recordSuccess(key, knownDevice);
        Account account = found.get();
        if (account.disabled()) {
            refused(attempt, "account_disabled");
            throw new AccountDisabledException();
        }
        if (hasher.isOutdated(account.passwordHash())) {
            accounts.updatePasswordHash(key, hasher.hash(attempt.password()));
        }
        SignIn signIn;
        try {
            signIn = sessions.start(account, attempt.takeOver(), attempt.idleTimeout(), attempt.clientAddress(), now);
        } catch (AlreadySignedInException e) {
            refused(attempt, "already_signed_in");
            throw e;
        }
        activity.fire(Activity.of(Kind.LOGIN, account.username(), attempt.clientAddress(),
                attempt.takeOver() ? "take-over" : null));
        return signIn.withDevice(devices.remember(knownDevice, key, now));
    }

    /**
     * Disables an account (its live session ends at once, so its token stops working and its pages go to the
     * sign-in page) or enables it again. Its files stay as they are.
     *
     * @throws NoSuchAccountException  for a name that is no account
     * @throws AdminAccountException   when asked to disable an admin
     */
    public void setDisabled(String username, boolean disabled, String admin, String clientAddress) {
        Account account = (Usernames.isValid(username) ? accounts.find(AccountKey.of(username)) : Optional.<Account>empty())
                .orElseThrow(NoSuchAccountException::new);
        if (disabled && account.roles().contains(Roles.ADMIN)) {
            throw new AdminAccountException();
        }
        if (!accounts.setDisabled(account.key(), disabled)) {
            throw new NoSuchAccountException();
        }
        if (disabled) {
            sessions.endByAdmin(account.username(), admin, clientAddress);
        }
        activity.fire(Activity.of(disabled ? Kind.ACCOUNT_DISABLED : Kind.ACCOUNT_ENABLED, account.username(),
                clientAddress, "by " + admin));
    }

    /**
     * Deletes the caller's own account and everything it owns, once they have typed its password again (a session
     * left open on a shared computer is not enough). Wrong passwords count toward the sign-in throttle. The account
     * is disabled and signed out first, so nothing of it arrives while its files go; its name is free again after.
     *
     * @throws AdminAccountException for an admin (the configured admin would be made again at the next start)
     */
    public void deleteOwnAccount(String username, String password, String clientAddress) {
        if (password == null || password.isEmpty()) {
            throw new MissingCredentialsException();
        }
        String key = AccountKey.of(username);
        Account account = accounts.find(key).orElseThrow(NoSuchAccountException::new);
        if (account.roles().contains(Roles.ADMIN)) {
            throw new AdminAccountException();
        }
        Instant now = Instant.now();
        Optional<Duration> wait = throttle.retryAfter(key, clientAddress, null, now);
        if (wait.isPresent()) {
            throw new TooManyAttemptsException(wait.get());
        }
        if (!hasher.verify(password, account.passwordHash())) {
            throttle.recordFailure(key, clientAddress, null, now);
            throw new WrongPasswordException();
        }
        accounts.setDisabled(key, true);
        sessions.endForDeletion(account.username(), clientAddress);
        deleting.fire(new AccountDeleting(account.username()));
        accounts.delete(key);
        activity.fire(Activity.of(Kind.ACCOUNT_DELETED, account.username(), clientAddress, null));
    }

    /** Ends the session the token belongs to; a token that no longer holds the session changes nothing. */
    public void signOut(String username, String tokenId, String clientAddress) {
        if (sessions.signOut(username, tokenId, clientAddress)) {
            activity.fire(Activity.of(Kind.LOGOUT, username, clientAddress, null));
        }
    }

    /** The live session a token belongs to, if it still holds it. */
    public Optional<SessionView> currentSession(String username, String tokenId) {
        return sessions.current(username, tokenId).map(AuthService::view);
    }

    /** How the session of a token that no longer holds one ended. */
    public SessionEnding endingOf(String tokenId) {
        return sessions.endingOf(tokenId);
    }

    /** The live sessions, for admins. */
    public List<SessionView> liveSessions() {
        return sessions.live().stream().map(AuthService::view).toList();
    }

    /** Ends an account's session on an admin's word; false if it had none. */
    public boolean endSession(String username, String admin, String clientAddress) {
        return sessions.endByAdmin(username, admin, clientAddress);
    }

    private void requireStrong(String password, String username) {
        if (!Passwords.isValid(password)) {
            throw new InvalidPasswordException();
        }
        PasswordStrength.weakness(password, username).ifPresent(weakness -> {
            throw new WeakPasswordException(weakness);
        });
    }

    private void refused(SignInAttempt attempt, String reason) {
        activity.fire(Activity.of(Kind.LOGIN_REFUSED, attempt.username(), attempt.clientAddress(), reason));
    }

    private static void requirePresent(String username, String password) {
        if (username == null || username.isBlank() || password == null || password.isEmpty()) {
            throw new MissingCredentialsException();
        }
    }

    private static SessionView view(Session s) {
        return new SessionView(s.username(), s.roles(), s.signedInAt(), s.lastSeenAt(), s.clientAddress(),
                s.idleTimeout());
    }

    /** What others may know of a live session. */
    public record SessionView(String username, Set<String> roles, Instant signedInAt, Instant lastSeenAt,
                              String clientAddress, Duration idleTimeout) {
    }
}
