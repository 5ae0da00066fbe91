package vn.mydrive.platform.security;

import vn.mydrive.platform.json.JsonProviders;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.stream.JsonParsingException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Pattern;

/** The JWS compact form ({@code header.payload.signature}, base64url without padding), both ways. */
final class CompactJwt {

    /** Far above any token the app issues; stops a client from making the server parse megabytes. */
    static final int MAX_LENGTH = 8192;
    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*");

    private CompactJwt() {
    }

    static String encode(JsonObject json) {
        return encode(json.toString().getBytes(StandardCharsets.UTF_8));
    }

    static String encode(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The three parts of a token, or {@code null} when it does not even have the shape of one. */
    static String[] split(String token) {
        if (token == null || token.length() > MAX_LENGTH || !SHAPE.matcher(token).matches()) {
            return null;
        }
        return token.split("\\.", -1);
    }

    static byte[] decode(String part) {
        return Base64.getUrlDecoder().decode(part);
    }

    /** Decodes one JSON part; {@code null} for anything that is not a JSON object. */
    static JsonObject decodeObject(String part) {
        try (JsonReader reader = JsonProviders.JSON.createReader(new StringReader(new String(decode(part), StandardCharsets.UTF_8)))) {
            return reader.readObject();
        } catch (IllegalArgumentException | JsonParsingException | ClassCastException e) {
            return null;
        } catch (RuntimeException e) {
            return null;
        }
    }
}
