package vn.mydrive.platform.security;

import vn.mydrive.platform.json.JsonProviders;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.Claims;

/** Signs MicroProfile JWTs (RS256) for signed-in accounts. */
@ApplicationScoped
public class TokenIssuer {

    @Inject
    TokenKeys keys;

    @Inject
    @ConfigProperty(name = "mydrive.jwt.issuer")
    String issuer;

    /** A freshly signed token. */
    public record IssuedToken(String token, String tokenId, Instant issuedAt, Instant expiresAt) {
    }

    public IssuedToken issue(String username, Set<String> groups, Duration lifetime) {
        Instant now = Instant.now();
        Instant expires = now.plus(lifetime);
        String tokenId = UUID.randomUUID().toString();
        JsonObject header = JsonProviders.JSON.createObjectBuilder()
                .add("alg", "RS256")
                .add("typ", "JWT")
                .add("kid", keys.keyId())
                .build();
        JsonObject claims = JsonProviders.JSON.createObjectBuilder()
                .add(Claims.iss.name(), issuer)
                .add(Claims.sub.name(), username)
                .add(Claims.upn.name(), username)
                .add(Claims.groups.name(), JsonProviders.JSON.createArrayBuilder(groups))
                .add(Claims.jti.name(), tokenId)
                .add(Claims.iat.name(), now.getEpochSecond())
                .add(Claims.exp.name(), expires.getEpochSecond())
                .build();
        String signingInput = CompactJwt.encode(header) + "." + CompactJwt.encode(claims);
        return new IssuedToken(signingInput + "." + CompactJwt.encode(sign(signingInput)), tokenId,
                Instant.ofEpochSecond(now.getEpochSecond()), Instant.ofEpochSecond(expires.getEpochSecond()));
    }

    private byte[] sign(String signingInput) {
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(keys.signingKey());
            signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot sign a token", e);
        }
    }
}
