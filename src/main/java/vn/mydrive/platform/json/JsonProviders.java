package vn.mydrive.platform.json;

import vn.mydrive.platform.json.JsonProviders;
import jakarta.json.spi.JsonProvider;

/**
 * One JSON-P provider for the whole app. {@code JsonProviders.JSON.createReader(...)} and friends look the provider up
 * through the service loader on every call, which showed up in the lookup API's profile as class-path
 * scanning on every request.
 */
public final class JsonProviders {

    public static final JsonProvider JSON = JsonProvider.provider();

    private JsonProviders() {
    }
}
