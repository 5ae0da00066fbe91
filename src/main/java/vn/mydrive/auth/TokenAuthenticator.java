package vn.mydrive.auth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Optional;
import vn.mydrive.platform.security.AccountKey;
import vn.mydrive.platform.security.SessionTokens;
import vn.mydrive.platform.security.TokenPrincipal;
import vn.mydrive.platform.security.TokenRejectedException;
import vn.mydrive.platform.security.TokenVerifier;

/**
 * Accepts a token only if it verifies and still holds its account's live session; a token whose session ended
 * is refused with the way it ended. A client's own request counts as a sign of life for its session.
 * <p>
 * An HTTP request may be accepted on the session as this node read it within the last moment
 * ({@link RecentSessions}); a socket's checks, and every refusal, read the store.
 */
@ApplicationScoped
public class TokenAuthenticator implements SessionTokens {

    @Inject
    TokenVerifier verifier;

    @Inject
    SessionStore sessions;

    @Inject
    SessionService lifecycle;

    @Inject
    SessionPolicy policy;

    @Override
    public TokenPrincipal authenticate(String token) throws TokenRejectedException {
        return accept(token, true, false);
    }

    @Override
    public TokenPrincipal check(String token) throws TokenRejectedException {
        return accept(token, false, false);
    }

    /** Accepts an HTTP request's token, on the session as read within the last moment if it holds it. */
    TokenPrincipal authenticateRequest(String token) throws TokenRejectedException {
        return accept(token, true, true);
    }

    private TokenPrincipal accept(String token, boolean signOfLife, boolean recentWillDo)
            throws TokenRejectedException {
        TokenPrincipal principal = verifier.verify(token);
        Instant now = Instant.now();
        String key = AccountKey.of(principal.getSubject());
        Optional<Session> session = held(recentWillDo ? sessions.findRecent(key) : sessions.find(key), principal, now);
        if (session.isEmpty() && recentWillDo) {
            // Only the store refuses: the session may have started on another node after this one read it.
            session = held(sessions.findAgain(key), principal, now);
        }
        if (session.isEmpty()) {
            throw new TokenRejectedException(principal.getTokenID(), lifecycle.endingOf(principal.getTokenID()));
        }
        if (signOfLife && policy.needsTouch(session.get(), now)) {
            sessions.touch(session.get(), now);
        }
        return principal;
    }

    private Optional<Session> held(Optional<Session> session, TokenPrincipal principal, Instant now) {
        return session.filter(s -> s.tokenId().equals(principal.getTokenID()) && policy.isAlive(s, now));
    }
}
