package vn.mydrive.drive.transfer;

import java.nio.ByteBuffer;

/**
 * Puts one connection's messages back together from the parts the container delivers, enforcing the
 * protocol's size limits itself: so an oversized message is refused the same way, with the same close reason,
 * on every server, however each container buffers (Undertow and Tyrus each had their own limits and texts).
 * Used by one I/O thread at a time, as the WebSocket API delivers one connection's messages.
 */
final class MessageAssembler {

    /**
     * A whole binary message: its first {@code headLength} bytes (at most the head size the assembler keeps apart:
     * a segment frame's header) in {@code head}, the rest, {@code bodyLength} bytes, at the start of {@code body}.
     * A segment's bytes thus arrive in an array of their own, which the store can keep without copying them.
     */
    record Binary(byte[] head, int headLength, byte[] body, int bodyLength) {

        int length() {
            return headLength + bodyLength;
        }
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
    private final int headBytes;
    private StringBuilder text;
    private byte[] head;
    private int headLength;
    private byte[] body;
    private int bodyLength;

    /** @param headBytes how many first bytes of a binary message to keep apart from the rest */
    MessageAssembler(int maxTextChars, int maxBinaryBytes, int headBytes) {
        this.maxTextChars = maxTextChars;
        this.maxBinaryBytes = maxBinaryBytes;
        this.headBytes = headBytes;
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
     * Adds a part of a binary message; returns the whole message with its last part, else null. The body of a
     * message that arrives in one part gets an array of its own size; of one in several parts, an array of the
     * largest allowed size, which a whole segment fills exactly.
     */
    Binary binary(ByteBuffer part, boolean last) throws TooLargeException {
        int size = part.remaining();
        if (head == null) {
            if (size > maxBinaryBytes) {
                throw new TooLargeException();
            }
            head = new byte[headBytes];
            headLength = 0;
            body = null;
            bodyLength = 0;
        }
        if (headLength + bodyLength + size > maxBinaryBytes) {
            head = null;
            throw new TooLargeException();
        }
        int toHead = Math.min(size, headBytes - headLength);
        part.get(head, headLength, toHead);
        headLength += toHead;
        int toBody = size - toHead;
        if (toBody > 0) {
            if (body == null) {
                body = new byte[last ? toBody : maxBinaryBytes - headBytes];
            }
            part.get(body, bodyLength, toBody);
            bodyLength += toBody;
        }
        if (!last) {
            return null;
        }
        Binary whole = new Binary(head, headLength, body == null ? new byte[0] : body, bodyLength);
        head = null;
        body = null;
        return whole;
    }
}
