package vn.mydrive.drive.transfer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.mydrive.drive.transfer.TransferExceptions.MalformedMessageException;

class ControlMessageTest {

    @Test
    void fieldsAreReadWithTheirTypes() {
        ControlMessage message = ControlMessage.parse(
                "{\"type\":\"upload\",\"name\":\"a.bin\",\"size\":5000000000,\"index\":3,\"ref\":\"r1\",\"sha256\":null}");
        assertEquals("upload", message.type());
        assertEquals("a.bin", message.requiredString("name"));
        assertEquals(5_000_000_000L, message.requiredLong("size"));
        assertEquals(3, message.requiredInt("index"));
        assertEquals("r1", message.ref());
        assertNull(message.optionalString("sha256"));
        assertEquals(7, message.optionalLong("lastModified", 7));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "[]", "\"upload\"", "42", "{", "{\"type\":", "null"})
    void whatIsNotAJsonObjectIsMalformed(String text) {
        assertThrows(MalformedMessageException.class, () -> ControlMessage.parse(text));
    }

    @Test
    void aMissingOrMistypedFieldIsMalformedAndNamed() {
        ControlMessage message = ControlMessage.parse(
                "{\"type\":7,\"size\":\"big\",\"index\":1.5,\"huge\":99999999999,\"ref\":\"" + "r".repeat(65) + "\"}");
        MalformedMessageException missing = assertThrows(MalformedMessageException.class,
                () -> message.requiredString("name"));
        assertEquals("\"name\" is required.", missing.getMessage());
        assertThrows(MalformedMessageException.class, message::type);
        assertThrows(MalformedMessageException.class, () -> message.requiredLong("size"));
        assertThrows(MalformedMessageException.class, () -> message.requiredLong("index"));
        assertThrows(MalformedMessageException.class, () -> message.requiredInt("huge"));
        assertThrows(MalformedMessageException.class, message::ref);
    }

    @Test
    void aNumberBeyondALongIsOutOfRange() {
        ControlMessage message = ControlMessage.parse("{\"size\":123456789012345678901234567890}");
        assertEquals("\"size\" is out of range.",
                assertThrows(MalformedMessageException.class, () -> message.requiredLong("size")).getMessage());
    }
}
