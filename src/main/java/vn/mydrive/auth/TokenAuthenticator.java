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
        return accept(token, true);
    }

    @Override
    public TokenPrincipal check(String token) throws TokenRejectedException {
        return accept(token, false);
    }

    private TokenPrincipal accept(String token, boolean signOfLife) throws TokenRejectedException {
        TokenPrincipal principal = verifier.verify(token);
        Instant now = Instant.now();
        Optional<Session> session = sessions.find(AccountKey.of(principal.getSubject()))
                .filter(s -> s.tokenId().equals(principal.getTokenID()) && policy.isAlive(s, now));
        if (session.isEmpty()) {
            throw new TokenRejectedException(principal.getTokenID(), lifecycle.endingOf(principal.getTokenID()));
        }
        if (signOfLife && policy.needsTouch(session.get(), now)) {
            sessions.touch(session.get(), now);
        }
        return principal;
    }
}
