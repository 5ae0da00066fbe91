package vn.mydrive.auth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import vn.mydrive.auth.AuthExceptions.AlreadySignedInException;
import vn.mydrive.auth.AuthExceptions.InvalidPasswordException;
import vn.mydrive.auth.AuthExceptions.InvalidUsernameException;
import vn.mydrive.auth.AuthExceptions.MissingCredentialsException;
import vn.mydrive.auth.AuthExceptions.TooManyAttemptsException;
import vn.mydrive.auth.AuthExceptions.UsernameTakenException;
import vn.mydrive.auth.AuthExceptions.WrongCredentialsException;
import vn.mydrive.platform.events.Activity;
import vn.mydrive.platform.events.Activity.Kind;
import vn.mydrive.platform.security.Roles;
import vn.mydrive.platform.security.TokenIssuer;
import vn.mydrive.platform.security.TokenIssuer.IssuedToken;

/**
 * Registration, sign-in and sign-out: the rules both the JSON API and the pages follow. Errors are thrown as
 * the API exceptions of {@link AuthExceptions}; the pages show the same codes in the reader's language.
 */
@ApplicationScoped
public class AuthService {

    @Inject
    AccountStore accounts;

    @Inject
    SessionStore sessions;

    @Inject
    SessionPolicy policy;

    @Inject
    PasswordHasher hasher;

    @Inject
    LoginThrottle throttle;

    @Inject
    TokenIssuer tokens;

    @Inject
    Event<Activity> activity;

    /** Creates a user account; returns the username as stored. */
    public String register(String username, String password, String clientAddress) {
        requirePresent(username, password);
        if (!Usernames.isValid(username)) {
            throw new InvalidUsernameException();
        }
        if (!Passwords.isValid(password)) {
            throw new InvalidPasswordException();
        }
        Account account = new Account(username, hasher.hash(password), Set.of(Roles.USER), Instant.now());
        if (!accounts.insert(account)) {
            throw new UsernameTakenException();
        }
        activity.fire(Activity.of(Kind.REGISTER, username, clientAddress, null));
        return username;
    }

    /**
     * Checks the password and starts the account's one session. While another session of the account lives,
     * this is refused unless {@code takeOver}, which ends that session (its token stops working at once).
     */
    public SignIn signIn(String username, String password, boolean takeOver, String clientAddress) {
        requirePresent(username, password);
        String key = Usernames.key(username);
        Instant now = Instant.now();
        Optional<java.time.Duration> wait = throttle.retryAfter(key, clientAddress, now);
        if (wait.isPresent()) {
            refused(username, clientAddress, "too_many_attempts");
            throw new TooManyAttemptsException(wait.get());
        }
        Optional<Account> found = Usernames.isValid(username) ? accounts.find(key) : Optional.empty();
        boolean passwordOk = found.isPresent()
                ? hasher.verify(password, found.get().passwordHash())
                : hasher.verifyAgainstDecoy(password);
        if (!passwordOk) {
            throttle.recordFailure(key, clientAddress, now);
            refused(username, clientAddress, "wrong_credentials");
            throw new WrongCredentialsException();
        }
        throttle.recordSuccess(key);
        Account account = found.get();
        if (hasher.isOutdated(account.passwordHash())) {
            accounts.updatePasswordHash(key, hasher.hash(password));
        }
        SignIn signIn = startSession(account, takeOver, clientAddress, now);
        activity.fire(Activity.of(Kind.LOGIN, account.username(), clientAddress, takeOver ? "take-over" : null));
        return signIn;
    }

    private SignIn startSession(Account account, boolean takeOver, String clientAddress, Instant now) {
        Optional<Session> current = sessions.find(account.key());
        if (current.isPresent() && policy.isAlive(current.get(), now) && !takeOver) {
            refused(account.username(), clientAddress, "already_signed_in");
            throw new AlreadySignedInException();
        }
        IssuedToken token = tokens.issue(account.username(), account.roles(), policy.tokenLifetime());
        Session session = new Session(account.username(), token.tokenId(), account.roles(), token.issuedAt(),
                token.issuedAt(), token.expiresAt(), clientAddress);
        boolean stored = current.isPresent()
                ? sessions.replace(current.get().tokenId(), session)
                : sessions.insert(session);
        if (!stored) {
            // Another client signed this account in between our read and write.
            throw new AlreadySignedInException();
        }
        return new SignIn(token.token(), token.expiresAt(), account.username(), account.roles());
    }

    /** Ends the session the token belongs to; a token that no longer holds the session changes nothing. */
    public void signOut(String username, String tokenId, String clientAddress) {
        if (sessions.delete(Usernames.key(username), tokenId)) {
            activity.fire(Activity.of(Kind.LOGOUT, username, clientAddress, null));
        }
    }

    /** The live session a token belongs to, if it still holds it. */
    public Optional<SessionView> currentSession(String username, String tokenId) {
        return sessions.find(Usernames.key(username))
                .filter(s -> s.tokenId().equals(tokenId) && policy.isAlive(s, Instant.now()))
                .map(s -> new SessionView(s.username(), s.roles(), s.signedInAt(), s.lastSeenAt(), s.clientAddress()));
    }

    /** The live sessions, for admins. */
    public java.util.List<SessionView> liveSessions() {
        Instant now = Instant.now();
        return sessions.all().stream().filter(s -> policy.isAlive(s, now))
                .map(s -> new SessionView(s.username(), s.roles(), s.signedInAt(), s.lastSeenAt(), s.clientAddress()))
                .toList();
    }

    /** Ends an account's session on an admin's word; false if it had none. */
    public boolean endSession(String username, String admin, String clientAddress) {
        if (username == null || !Usernames.isValid(username)) {
            return false;
        }
        Optional<Session> session = sessions.find(Usernames.key(username));
        if (session.isEmpty() || !sessions.delete(session.get().key(), session.get().tokenId())) {
            return false;
        }
        activity.fire(Activity.of(Kind.SESSION_ENDED, session.get().username(), clientAddress, "ended by " + admin));
        return true;
    }

    private void refused(String username, String clientAddress, String reason) {
        activity.fire(Activity.of(Kind.LOGIN_REFUSED, username, clientAddress, reason));
    }

    private static void requirePresent(String username, String password) {
        if (username == null || username.isBlank() || password == null || password.isEmpty()) {
            throw new MissingCredentialsException();
        }
    }

    /** What others may know of a live session. */
    public record SessionView(String username, Set<String> roles, Instant signedInAt, Instant lastSeenAt,
                              String clientAddress) {
    }
}
