package vn.mydrive.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Builds the tokens an attacker would try. It can read the server's own signing key (the test server keeps it
 * in the test data directory), so it can also make tokens that are correctly signed but expired, from
 * another issuer, or for a session that does not exist.
 */
final class ForgedTokens {

    private ForgedTokens() {
    }

    static PrivateKey serverKey() {
        Path file = Path.of(System.getProperty("mydrive.it.dir"), "data", "keys", "jwt-private.pem");
        try {
            String pem = Files.readString(file).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static PrivateKey otherKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair().getPrivate();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Claims as the server writes them, valid for an hour, for a made-up session. */
    static JsonObjectBuilder claims(String username) {
        long now = Instant.now().getEpochSecond();
        return Json.createObjectBuilder()
                .add("iss", "mydrive")
                .add("sub", username)
                .add("upn", username)
                .add("groups", Json.createArrayBuilder().add("user").add("admin"))
                .add("jti", UUID.randomUUID().toString())
                .add("iat", now)
                .add("exp", now + 3600);
    }

    static String rs256(JsonObject claims, PrivateKey key) {
        String input = part(Json.createObjectBuilder().add("alg", "RS256").add("typ", "JWT").build()) + "." + part(claims);
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(key);
            signature.update(input.getBytes(StandardCharsets.US_ASCII));
            return input + "." + encode(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static String unsigned(JsonObject claims) {
        return part(Json.createObjectBuilder().add("alg", "none").add("typ", "JWT").build()) + "." + part(claims) + ".";
    }

    static String hs256(JsonObject claims, byte[] secret) {
        String input = part(Json.createObjectBuilder().add("alg", "HS256").add("typ", "JWT").build()) + "." + part(claims);
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return input + "." + encode(mac.doFinal(input.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The same token with its payload swapped for {@code claims}, signature kept. */
    static String withPayload(String token, JsonObject claims) {
        String[] parts = token.split("\\.");
        return parts[0] + "." + part(claims) + "." + parts[2];
    }

    static JsonObject payload(String token) {
        byte[] json = Base64.getUrlDecoder().decode(token.split("\\.")[1]);
        return Json.createReader(new java.io.StringReader(new String(json, StandardCharsets.UTF_8))).readObject();
    }

    private static String part(JsonObject json) {
        return encode(json.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static String encode(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
