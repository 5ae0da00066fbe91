package vn.mydrive.platform.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.mydrive.platform.security.TokenRejectedException.Reason;

class TokenRoundTripTest {

    @TempDir
    Path keyDir;

    @Test
    void anIssuedTokenVerifiesWithItsClaims() throws Exception {
        TokenKeys keys = keys(keyDir);
        TokenPrincipal principal = verifier(keys, "mydrive").verify(
                issuer(keys, "mydrive").issue("Alice", Set.of("user"), Duration.ofMinutes(5)).token());

        assertEquals("Alice", principal.getName());
        assertEquals("Alice", principal.getSubject());
        assertEquals(Set.of("user"), principal.getGroups());
        assertEquals("mydrive", principal.getIssuer());
    }

    @Test
    void aTokenFromAnotherKeyOrIssuerOrAlreadyExpiredIsRefused(@TempDir Path otherDir) {
        TokenKeys keys = keys(keyDir);
        String foreign = issuer(keys(otherDir), "mydrive").issue("a", Set.of("user"), Duration.ofMinutes(5)).token();
        String otherIssuer = issuer(keys, "other").issue("a", Set.of("user"), Duration.ofMinutes(5)).token();
        String expired = issuer(keys, "mydrive").issue("a", Set.of("user"), Duration.ofSeconds(-1)).token();
        TokenVerifier verifier = verifier(keys, "mydrive");

        assertEquals(Reason.SIGNATURE, assertThrows(TokenRejectedException.class, () -> verifier.verify(foreign)).reason());
        assertEquals(Reason.ISSUER, assertThrows(TokenRejectedException.class, () -> verifier.verify(otherIssuer)).reason());
        assertEquals(Reason.EXPIRED, assertThrows(TokenRejectedException.class, () -> verifier.verify(expired)).reason());
    }

    @Test
    void theGeneratedKeyIsReusedOnTheNextStart() {
        String firstStart = keys(keyDir).keyId();
        String nextStart = keys(keyDir).keyId();
        assertEquals(firstStart, nextStart, "a second start must read the key the first one generated, not make a new one");
    }

    private static TokenKeys keys(Path dir) {
        TokenKeys keys = new TokenKeys();
        keys.privateKeyPem = Optional.empty();
        keys.keyDirectory = Optional.of(dir.toString());
        keys.load();
        return keys;
    }

    private static TokenIssuer issuer(TokenKeys keys, String name) {
        TokenIssuer issuer = new TokenIssuer();
        issuer.keys = keys;
        issuer.issuer = name;
        return issuer;
    }

    private static TokenVerifier verifier(TokenKeys keys, String name) {
        TokenVerifier verifier = new TokenVerifier();
        verifier.keys = keys;
        verifier.issuer = name;
        return verifier;
    }
}
