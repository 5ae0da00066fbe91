package vn.mydrive.drive.transfer;

import vn.mydrive.platform.json.JsonProviders;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import vn.mydrive.drive.transfer.TransferExceptions.MalformedMessageException;

/**
 * A JSON text frame from a client, with typed access that turns every missing or mistyped field into a
 * {@code malformed_message} error naming the field.
 */
record ControlMessage(JsonObject json) {

    static ControlMessage parse(String text) {
        try (JsonReader reader = JsonProviders.JSON.createReader(new StringReader(text))) {
            JsonValue value = reader.readValue();
            if (value.getValueType() != JsonValue.ValueType.OBJECT) {
                throw new MalformedMessageException("A control message is a JSON object.");
            }
            return new ControlMessage(value.asJsonObject());
        } catch (MalformedMessageException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new MalformedMessageException("A control message is a JSON object.");
        }
    }

    String type() {
        return requiredString("type");
    }

    /** The client's own label for a request, echoed in the answer; at most 64 characters. */
    String ref() {
        String ref = optionalString("ref");
        if (ref != null && ref.length() > 64) {
            throw new MalformedMessageException("ref is at most 64 characters.");
        }
        return ref;
    }

    String requiredString(String name) {
        String value = optionalString(name);
        if (value == null) {
            throw new MalformedMessageException("\"" + name + "\" is required.");
        }
        return value;
    }

    String optionalString(String name) {
        JsonValue value = json.get(name);
        if (value == null || value == JsonValue.NULL) {
            return null;
        }
        if (value.getValueType() != JsonValue.ValueType.STRING) {
            throw new MalformedMessageException("\"" + name + "\" must be a string.");
        }
        return ((JsonString) value).getString();
    }

    long requiredLong(String name) {
        JsonValue value = json.get(name);
        if (value == null || value.getValueType() != JsonValue.ValueType.NUMBER || !((JsonNumber) value).isIntegral()) {
            throw new MalformedMessageException("\"" + name + "\" must be a whole number.");
        }
        try {
            return ((JsonNumber) value).longValueExact();
        } catch (ArithmeticException e) {
            throw new MalformedMessageException("\"" + name + "\" is out of range.");
        }
    }

    int requiredInt(String name) {
        long value = requiredLong(name);
        if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
            throw new MalformedMessageException("\"" + name + "\" is out of range.");
        }
        return (int) value;
    }

    long optionalLong(String name, long fallback) {
        return json.containsKey(name) && json.get(name) != JsonValue.NULL ? requiredLong(name) : fallback;
    }
}
