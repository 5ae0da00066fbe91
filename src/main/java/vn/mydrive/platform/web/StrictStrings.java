package vn.mydrive.platform.web;

import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.bind.JsonbException;
import jakarta.json.bind.serializer.DeserializationContext;
import jakarta.json.bind.serializer.JsonbDeserializer;
import jakarta.json.stream.JsonParser;
import java.lang.reflect.Type;

/**
 * Reads a text field only from a JSON string. JSON-B would otherwise turn {@code {"name": 7}} into the name
 * "7": a client that sends a number or a boolean where text belongs gets a 400 instead of a surprise.
 */
final class StrictStrings implements JsonbDeserializer<String> {

    @Override
    public String deserialize(JsonParser parser, DeserializationContext context, Type type) {
        // getValue(), not currentEvent(): Yasson's parser does not support the latter.
        JsonValue value = parser.getValue();
        return switch (value.getValueType()) {
            case STRING -> ((JsonString) value).getString();
            case NULL -> null;
            default -> throw new JsonbException("Expected a string, found " + value.getValueType());
        };
    }
}
