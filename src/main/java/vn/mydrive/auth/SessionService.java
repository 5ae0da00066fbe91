package vn.mydrive.auth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import vn.mydrive.auth.AuthExceptions.AlreadySignedInException;
import vn.mydrive.platform.events.Activity;
import vn.mydrive.platform.events.Activity.Kind;
import vn.mydrive.platform.events.SessionEnded;
import vn.mydrive.platform.security.AccountKey;
import vn.mydrive.platform.security.SessionEnding;
import vn.mydrive.platform.security.SessionEnding.Reason;
import vn.mydrive.platform.security.TokenIssuer;
import vn.mydrive.platform.security.TokenIssuer.IssuedToken;

/**
 * The life of sign-in sessions: starting the one session of an account, ending it (and saying why), and what
 * admins see of them. Every ending is recorded for the ended token's holder and announced to this node, so its
 * open sockets close at once.
 */
@ApplicationScoped
class SessionService {

    @Inject
    SessionStore sessions;

    @Inject
    SessionEndings endings;

    @Inject
    SessionPolicy policy;

    @Inject
    TokenIssuer tokens;

    @Inject
    Event<Activity> activity;

    @Inject
    Event<SessionEnded> ended;

    /**
     * Starts the account's session. A session whose client is still present refuses this unless
     * {@code takeOver}; one whose client went away (a closed browser) is replaced without asking.
     */
    SignIn start(Account account, boolean takeOver, Optional<Duration> idleTimeout, String clientAddress, Instant now) {
        Optional<Session> stored = sessions.find(account.key());
        Optional<Session> present = stored.filter(s -> policy.isPresent(s, now));
        if (present.isPresent() && !takeOver) {
            throw new AlreadySignedInException(present.get().signedInAt(), present.get().clientAddress());
        }
        IssuedToken token = tokens.issue(account.username(), account.roles(), policy.tokenLifetime());
        Session session = new Session(account.username(), token.tokenId(), account.roles(), token.issuedAt(),
                token.issuedAt(), token.expiresAt(), clientAddress, policy.idleTimeoutFor(idleTimeout));
        boolean won = stored.isPresent() ? sessions.replace(stored.get().tokenId(), session) : sessions.insert(session);
        if (!won) {
            // Another client signed this account in between our read and write.
            throw new AlreadySignedInException(now, null);
        }
        stored.ifPresent(previous -> announce(previous, new SessionEnding(
                policy.isAlive(previous, now) ? Reason.SIGNED_IN_ELSEWHERE : Reason.IDLE, now, clientAddress)));
        return new SignIn(token.token(), token.expiresAt(), account.username(), account.roles(), session.idleTimeout(),
                null);
    }

    /** Ends the session the token belongs to; a token that no longer holds the session changes nothing. */
    boolean signOut(String username, String tokenId, String clientAddress) {
        Optional<Session> session = sessions.find(AccountKey.of(username)).filter(s -> s.tokenId().equals(tokenId));
        if (session.isEmpty() || !sessions.delete(session.get().key(), tokenId)) {
            return false;
        }
        announce(session.get(), new SessionEnding(Reason.SIGNED_OUT, Instant.now(), clientAddress));
        return true;
    }

    /** Ends an account's session on an admin's word; false if it had none. */
    boolean endByAdmin(String username, String admin, String clientAddress) {
        Optional<Session> ended = end(username, Reason.ENDED_BY_ADMIN, clientAddress);
        ended.ifPresent(session -> activity.fire(Activity.of(Kind.SESSION_ENDED, session.username(), clientAddress,
                "ended by " + admin)));
        return ended.isPresent();
    }

    /** Ends an account's session, whichever client holds it, because the account is being deleted. */
    void endForDeletion(String username, String clientAddress) {
        end(username, Reason.ACCOUNT_DELETED, clientAddress);
    }

    private Optional<Session> end(String username, Reason reason, String clientAddress) {
        if (username == null || !Usernames.isValid(username)) {
            return Optional.empty();
        }
        Optional<Session> session = sessions.find(AccountKey.of(username));
        if (session.isEmpty() || !sessions.delete(session.get().key(), session.get().tokenId())) {
            return Optional.empty();
        }
        announce(session.get(), new SessionEnding(reason, Instant.now(), clientAddress));
        return session;
    }

    /** Removes sessions that expired or went idle, telling their holders why. */
    void endIdle(Instant now) {
        for (Session session : sessions.endedBefore(now)) {
            if (sessions.delete(session.key(), session.tokenId())) {
                announce(session, new SessionEnding(Reason.IDLE, now, null));
            }
        }
        endings.sweep(now);
    }

    /** The live session a token belongs to, if it still holds it. */
    Optional<Session> current(String username, String tokenId) {
        return sessions.find(AccountKey.of(username))
                .filter(s -> s.tokenId().equals(tokenId) && policy.isAlive(s, Instant.now()));
    }

    /** How the session of a token that holds none ended, as far as is known. */
    SessionEnding endingOf(String tokenId) {
        return endings.find(tokenId).orElseGet(SessionEnding::unknown);
    }

    List<Session> live() {
        Instant now = Instant.now();
        return sessions.all().stream().filter(s -> policy.isAlive(s, now)).toList();
    }

    private void announce(Session session, SessionEnding ending) {
        endings.record(session, ending);
        ended.fire(new SessionEnded(session.username(), session.tokenId(), ending));
    }
}
