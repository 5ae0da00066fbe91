package vn.mydrive.auth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Optional;
import vn.mydrive.platform.security.SessionTokens;
import vn.mydrive.platform.security.TokenPrincipal;
import vn.mydrive.platform.security.TokenRejectedException;
import vn.mydrive.platform.security.TokenRejectedException.Reason;
import vn.mydrive.platform.security.TokenVerifier;

/**
 * Accepts a token only if it verifies and still holds its account's live session, and counts the request as
 * a sign of life for that session.
 */
@ApplicationScoped
public class TokenAuthenticator implements SessionTokens {

    @Inject
    TokenVerifier verifier;

    @Inject
    SessionStore sessions;

    @Inject
    SessionPolicy policy;

    @Override
    public TokenPrincipal authenticate(String token) throws TokenRejectedException {
        TokenPrincipal principal = verifier.verify(token);
        Instant now = Instant.now();
        Optional<Session> session = sessions.find(Usernames.key(principal.getSubject()))
                .filter(s -> s.tokenId().equals(principal.getTokenID()) && policy.isAlive(s, now));
        if (session.isEmpty()) {
            throw new TokenRejectedException(Reason.SESSION_ENDED);
        }
        if (policy.needsTouch(session.get(), now)) {
            sessions.touch(session.get().key(), principal.getTokenID(), now);
        }
        return principal;
    }
}
