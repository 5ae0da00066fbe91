package vn.mydrive.platform.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Where a request carries its token: {@code Authorization: Bearer} (API clients) first, else the session
 * cookie (browsers). Never the query string, where tokens end up in logs and browser history. One rule for
 * HTTP requests and WebSocket handshakes alike.
 */
@ApplicationScoped
public class TokenTransport {

    private static final String BEARER = "Bearer ";

    @Inject
    @ConfigProperty(name = "mydrive.session.cookie-name")
    String cookieName;

    public String cookieName() {
        return cookieName;
    }

    /**
     * @param authorization the {@code Authorization} header, may be null
     * @param cookieHeader  the {@code Cookie} header, may be null
     */
    public Optional<PresentedToken> find(String authorization, String cookieHeader) {
        if (authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            String token = authorization.substring(BEARER.length()).trim();
            return token.isEmpty() ? Optional.empty() : Optional.of(new PresentedToken(token, false));
        }
        return cookie(cookieHeader).map(token -> new PresentedToken(token, true));
    }

    private Optional<String> cookie(String header) {
        if (header == null) {
            return Optional.empty();
        }
        for (String pair : header.split(";")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).trim().equals(cookieName)) {
                String value = pair.substring(eq + 1).trim();
                if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                    value = value.substring(1, value.length() - 1);
                }
                return value.isEmpty() ? Optional.empty() : Optional.of(value);
            }
        }
        return Optional.empty();
    }
}
