package vn.mydrive.platform.web;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

/**
 * One JSON-B instance for the API. Building one is expensive (it introspects every class it meets), and the
 * lookup API's profile showed the runtime building new ones under load. Text fields are read strictly
 * ({@link StrictStrings}).
 */
@Provider
public class JsonbResolver implements ContextResolver<Jsonb> {

    private static final Jsonb JSONB = JsonbBuilder.create(new JsonbConfig().withDeserializers(new StrictStrings()));

    @Override
    public Jsonb getContext(Class<?> type) {
        return JSONB;
    }
}
