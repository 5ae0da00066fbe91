package vn.mydrive.platform.security;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.jwt.Claims;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * A verified MicroProfile JWT: the caller principal of every authenticated request, so code that needs the
 * token's id or groups reads them through the standard {@link JsonWebToken} API.
 */
public final class TokenPrincipal implements JsonWebToken {

    private final String rawToken;
    private final JsonObject claims;

    TokenPrincipal(String rawToken, JsonObject claims) {
        this.rawToken = rawToken;
        this.claims = claims;
    }

    @Override
    public String getName() {
        return claims.getString(Claims.upn.name(), claims.getString(Claims.sub.name(), null));
    }

    @Override
    public Set<String> getClaimNames() {
        Set<String> names = new LinkedHashSet<>(claims.keySet());
        names.add(Claims.raw_token.name());
        return names;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T getClaim(String claimName) {
        if (Claims.raw_token.name().equals(claimName)) {
            return (T) rawToken;
        }
        JsonValue value = claims.get(claimName);
        if (value == null) {
            return null;
        }
        if (Claims.groups.name().equals(claimName) || Claims.aud.name().equals(claimName)) {
            return (T) strings(value);
        }
        return (T) switch (value.getValueType()) {
            case STRING -> ((JsonString) value).getString();
            case NUMBER -> ((JsonNumber) value).longValue();
            case TRUE -> Boolean.TRUE;
            case FALSE -> Boolean.FALSE;
            default -> value;
        };
    }

    private static Set<String> strings(JsonValue value) {
        if (value.getValueType() == JsonValue.ValueType.STRING) {
            return Set.of(((JsonString) value).getString());
        }
        return value.asJsonArray().getValuesAs(JsonString.class).stream()
                .map(JsonString::getString)
                .collect(Collectors.toUnmodifiableSet());
    }

    @Override
    public String toString() {
        return "TokenPrincipal[" + getName() + ", jti=" + getTokenID() + "]";
    }
}
