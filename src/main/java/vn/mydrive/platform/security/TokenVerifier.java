package vn.mydrive.platform.security;

import static vn.mydrive.platform.security.TokenRejectedException.Reason.ALGORITHM;
import static vn.mydrive.platform.security.TokenRejectedException.Reason.EXPIRED;
import static vn.mydrive.platform.security.TokenRejectedException.Reason.ISSUER;
import static vn.mydrive.platform.security.TokenRejectedException.Reason.MALFORMED;
import static vn.mydrive.platform.security.TokenRejectedException.Reason.SIGNATURE;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.Claims;

/**
 * Checks a token's form, algorithm, signature, issuer and lifetime. It knows nothing of sessions: whether the
 * session a valid token belongs to is still alive is the auth feature's question.
 */
@ApplicationScoped
public class TokenVerifier {

    /** Tolerated difference between the clocks of the nodes that sign and verify. */
    private static final long CLOCK_SKEW_SECONDS = 30;

    @Inject
    TokenKeys keys;

    @Inject
    @ConfigProperty(name = "mydrive.jwt.issuer")
    String issuer;

    /**
     * Tokens whose signature was already checked: a signature stays valid for the token's life, and checking
     * it (an RSA operation) was a visible share of every API request's time. Lifetime is still checked on
     * every use; sessions are the auth feature's business. Bounded: cleared when full.
     */
    private final Map<String, TokenPrincipal> verified = new ConcurrentHashMap<>();
    private static final int MAX_VERIFIED = 4096;

    public TokenPrincipal verify(String token) throws TokenRejectedException {
        TokenPrincipal known = token == null ? null : verified.get(token);
        if (known != null) {
            if (known.getExpirationTime() <= Instant.now().getEpochSecond()) {
                verified.remove(token);
                throw new TokenRejectedException(EXPIRED);
            }
            return known;
        }
        TokenPrincipal principal = verifyFully(token);
        if (verified.size() >= MAX_VERIFIED) {
            verified.clear();
        }
        verified.put(token, principal);
        return principal;
    }

    private TokenPrincipal verifyFully(String token) throws TokenRejectedException {
        String[] parts = CompactJwt.split(token);
        if (parts == null) {
            throw new TokenRejectedException(MALFORMED);
        }
        JsonObject header = CompactJwt.decodeObject(parts[0]);
        if (header == null) {
            throw new TokenRejectedException(MALFORMED);
        }
        // Only RS256: "none" and HMAC (signed with the public key as secret) are the classic forgeries.
        if (!"RS256".equals(stringOrNull(header, "alg"))) {
            throw new TokenRejectedException(ALGORITHM);
        }
        String kid = stringOrNull(header, "kid");
        if (kid != null && !kid.equals(keys.keyId())) {
            throw new TokenRejectedException(SIGNATURE);
        }
        if (!signatureMatches(parts)) {
            throw new TokenRejectedException(SIGNATURE);
        }
        JsonObject claims = CompactJwt.decodeObject(parts[1]);
        if (claims == null || !wellFormed(claims)) {
            throw new TokenRejectedException(MALFORMED);
        }
        if (!issuer.equals(claims.getString(Claims.iss.name()))) {
            throw new TokenRejectedException(ISSUER);
        }
        long now = Instant.now().getEpochSecond();
        if (claims.getJsonNumber(Claims.exp.name()).longValue() <= now
                || claims.getJsonNumber(Claims.iat.name()).longValue() > now + CLOCK_SKEW_SECONDS) {
            throw new TokenRejectedException(EXPIRED);
        }
        return new TokenPrincipal(token, claims);
    }

    private boolean signatureMatches(String[] parts) {
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initVerify(keys.verificationKey());
            signature.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            return signature.verify(CompactJwt.decode(parts[2]));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean wellFormed(JsonObject claims) {
        return isString(claims, Claims.iss.name()) && isString(claims, Claims.sub.name())
                && isString(claims, Claims.jti.name()) && isNumber(claims, Claims.exp.name())
                && isNumber(claims, Claims.iat.name())
                && claims.containsKey(Claims.groups.name())
                && claims.get(Claims.groups.name()).getValueType() == JsonValue.ValueType.ARRAY
                && claims.getJsonArray(Claims.groups.name()).stream()
                        .allMatch(v -> v.getValueType() == JsonValue.ValueType.STRING);
    }

    private static boolean isString(JsonObject o, String name) {
        return o.containsKey(name) && o.get(name).getValueType() == JsonValue.ValueType.STRING
                && !o.getString(name).isBlank();
    }

    private static boolean isNumber(JsonObject o, String name) {
        return o.containsKey(name) && o.get(name).getValueType() == JsonValue.ValueType.NUMBER;
    }

    private static String stringOrNull(JsonObject o, String name) {
        return isString(o, name) ? o.getString(name) : null;
    }
}
