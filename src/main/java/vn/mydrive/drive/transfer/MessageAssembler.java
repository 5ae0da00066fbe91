package vn.mydrive.drive.transfer;

import java.nio.ByteBuffer;

/**
 * Puts one connection's messages back together from the parts the container delivers, enforcing the
 * protocol's size limits itself: so an oversized message is refused the same way, with the same close reason,
 * on every server, however each container buffers (Undertow and Tyrus each had their own limits and texts).
 * Used by one I/O thread at a time, as the WebSocket API delivers one connection's messages.
 */
final class MessageAssembler {

    /** A whole binary message: its first {@code length} bytes of {@code bytes}. */
    record Binary(byte[] bytes, int length) {
    }

    /** A message over the protocol's limit; the connection is closed with {@code reason}. */
    static final class TooLargeException extends Exception {
        private static final long serialVersionUID = 1L;

        TooLargeException() {
            super(null, null, false, false);
        }
    }

    private final int maxTextChars;
    private final int maxBinaryBytes;
    private StringBuilder text;
    private byte[] binary;
    private int binaryLength;

    MessageAssembler(int maxTextChars, int maxBinaryBytes) {
        this.maxTextChars = maxTextChars;
        this.maxBinaryBytes = maxBinaryBytes;
    }

    /** Adds a part of a text message; returns the whole message with its last part, else null. */
    String text(String part, boolean last) throws TooLargeException {
        if (text == null && last) {
            if (part.length() > maxTextChars) {
                throw new TooLargeException();
            }
            return part;
        }
        if (text == null) {
            text = new StringBuilder();
        }
        if (text.length() + part.length() > maxTextChars) {
            text = null;
            throw new TooLargeException();
        }
        text.append(part);
        if (!last) {
            return null;
        }
        String whole = text.toString();
        text = null;
        return whole;
    }

    /**
     * Adds a part of a binary message; returns the whole message with its last part, else null. A message that
     * arrives in one part is copied once into an array of its own size; one in several parts is gathered into an
     * array of the largest allowed size.
     */
    Binary binary(ByteBuffer part, boolean last) throws TooLargeException {
        int size = part.remaining();
        if (binary == null) {
            if (size > maxBinaryBytes) {
                throw new TooLargeException();
            }
            binary = new byte[last ? size : maxBinaryBytes];
            binaryLength = 0;
        }
        if (binaryLength + size > maxBinaryBytes || binaryLength + size > binary.length) {
            binary = null;
            throw new TooLargeException();
        }
        part.get(binary, binaryLength, size);
        binaryLength += size;
        if (!last) {
            return null;
        }
        Binary whole = new Binary(binary, binaryLength);
        binary = null;
        return whole;
    }
}
