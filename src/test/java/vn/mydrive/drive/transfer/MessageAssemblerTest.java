package vn.mydrive.drive.transfer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class MessageAssemblerTest {

    /** Text up to 10 characters, binary up to 8 bytes, of which the first 2 are kept apart (a frame's header). */
    private final MessageAssembler assembler = new MessageAssembler(10, 8, 2);

    @Test
    void aWholeMessageComesStraightThrough() throws Exception {
        assertEquals("{\"a\":1}", assembler.text("{\"a\":1}", true));
        MessageAssembler.Binary binary = assembler.binary(ByteBuffer.wrap(new byte[] {1, 2, 3, 4}), true);
        assertEquals(4, binary.length());
        assertArrayEquals(new byte[] {1, 2}, binary.head());
        assertArrayEquals(new byte[] {3, 4}, binary.body(), "a message in one part gets a body of its own size");
    }

    @Test
    void aBodyThatFillsTheLimitArrivesInAnArrayOfItsOwnSize() throws Exception {
        assertNull(assembler.binary(ByteBuffer.wrap(new byte[] {1, 2, 3}), false));
        MessageAssembler.Binary binary = assembler.binary(ByteBuffer.wrap(new byte[] {4, 5, 6, 7, 8}), true);
        assertArrayEquals(new byte[] {3, 4, 5, 6, 7, 8}, binary.body(), "so it can be stored without a copy");
        assertEquals(6, binary.bodyLength());
    }

    @Test
    void aMessageShorterThanTheHeadHasNoBody() throws Exception {
        MessageAssembler.Binary binary = assembler.binary(ByteBuffer.wrap(new byte[] {9}), true);
        assertEquals(1, binary.headLength());
        assertEquals(0, binary.bodyLength());
    }

    @Test
    void partsAreGatheredUntilTheLast() throws Exception {
        assertNull(assembler.text("abc", false));
        assertNull(assembler.text("def", false));
        assertEquals("abcdefg", assembler.text("g", true));

        assertNull(assembler.binary(ByteBuffer.wrap(new byte[] {1, 2}), false));
        MessageAssembler.Binary binary = assembler.binary(ByteBuffer.wrap(new byte[] {3, 4, 5}), true);
        assertArrayEquals(new byte[] {1, 2}, binary.head());
        assertArrayEquals(new byte[] {3, 4, 5}, Arrays.copyOf(binary.body(), binary.bodyLength()));
    }

    @Test
    void aMessageOverTheLimitIsRefusedWhetherWholeOrInParts() throws Exception {
        assertThrows(MessageAssembler.TooLargeException.class, () -> assembler.text("12345678901", true));
        assertNull(assembler.text("123456", false));
        assertThrows(MessageAssembler.TooLargeException.class, () -> assembler.text("12345", true));
        assertThrows(MessageAssembler.TooLargeException.class, () -> assembler.binary(ByteBuffer.allocate(9), true));
        assertNull(assembler.binary(ByteBuffer.allocate(5), false));
        assertThrows(MessageAssembler.TooLargeException.class, () -> assembler.binary(ByteBuffer.allocate(4), true));
    }

    @Test
    void theLimitsThemselvesAreAllowed() throws Exception {
        assertEquals("1234567890", assembler.text("1234567890", true));
        assertEquals(8, assembler.binary(ByteBuffer.allocate(8), true).length());
        assertNull(assembler.binary(ByteBuffer.allocate(4), false));
        assertEquals(8, assembler.binary(ByteBuffer.allocate(4), true).length());
    }

    @Test
    void afterARefusalTheNextMessageStartsAfresh() throws Exception {
        assertNull(assembler.text("123456", false));
        assertThrows(MessageAssembler.TooLargeException.class, () -> assembler.text("123456", true));
        assertEquals("ok", assembler.text("ok", true));
    }
}
