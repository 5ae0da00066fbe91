package vn.mydrive.drive.protocol;

import java.nio.ByteBuffer;
import java.util.HexFormat;
import java.util.zip.CRC32C;

/**
 * The binary frame that carries one segment, written and read here for both ends (the server's transfer socket
 * and the Java client): a fixed 24-byte header, then the segment's bytes.
 * <pre>
 *  0  u8   version (1)
 *  1  u8   kind: 1 = upload segment (client to server), 2 = download segment (server to client)
 *  2  u8   flags: bit 0 = the CRC32C field is set
 *  3  u8   reserved, 0
 *  4  12 B upload id (kind 1) or file id (kind 2)
 * 16  i32  segment index, big-endian
 * 20  u32  CRC32C of the segment's bytes, big-endian (when flagged)
 * 24  ...  the segment's bytes
 * </pre>
 * See docs/transfer-protocol.md. The browser's copy of this layout is webapp/resources/js/protocol.js.
 */
public final class SegmentFrame {

    public static final int HEADER_BYTES = 24;
    private static final int VERSION = 1;
    private static final int ID_BYTES = 12;
    private static final int FLAG_CRC = 1;
    private static final HexFormat HEX = HexFormat.of();

    /** Which way a frame goes. */
    public enum Kind {
        UPLOAD(1), DOWNLOAD(2);

        private final int code;

        Kind(int code) {
            this.code = code;
        }
    }

    /**
     * A frame's header as read.
     *
     * @param id     the upload's or file's id, 24 hex digits
     * @param crc32c the segment's CRC32C as sent, or null when the sender set none
     */
    public record Header(Kind kind, String id, int index, Integer crc32c, int payloadLength) {
    }

    /** A frame that does not follow the layout; its message says how. */
    public static final class MalformedFrameException extends IllegalArgumentException {
        MalformedFrameException(String message) {
            super(message);
        }
    }

    private SegmentFrame() {
    }

    /**
     * Writes the header into the first {@value #HEADER_BYTES} bytes of {@code frame}, for the {@code payloadLength}
     * bytes that follow it, with their CRC32C.
     */
    public static void seal(byte[] frame, Kind kind, String idHex, int index, int payloadLength) {
        CRC32C crc = new CRC32C();
        crc.update(frame, HEADER_BYTES, payloadLength);
        ByteBuffer.wrap(frame, 0, HEADER_BYTES)
                .put((byte) VERSION).put((byte) kind.code).put((byte) FLAG_CRC).put((byte) 0)
                .put(HEX.parseHex(idHex))
                .putInt(index)
                .putInt((int) crc.getValue());
    }

    /**
     * Reads the header of the frame that starts at {@code frame}'s position and ends at its limit.
     *
     * @throws MalformedFrameException when it is too short, of another version or kind, or has unknown flags
     */
    public static Header read(ByteBuffer frame, Kind expected) {
        return read(frame, frame.remaining() - HEADER_BYTES, expected);
    }

    /**
     * Reads a header that starts at {@code frame}'s position, for a payload of {@code payloadLength} bytes that may
     * be kept elsewhere (the server receives a frame's header and payload into separate arrays).
     *
     * @throws MalformedFrameException as {@link #read(ByteBuffer, Kind)}
     */
    public static Header read(ByteBuffer frame, int payloadLength, Kind expected) {
        int start = frame.position();
        if (frame.remaining() < HEADER_BYTES || payloadLength < 0) {
            throw new MalformedFrameException("A segment frame has a " + HEADER_BYTES + "-byte header.");
        }
        int version = frame.get(start) & 0xff;
        int kind = frame.get(start + 1) & 0xff;
        int flags = frame.get(start + 2) & 0xff;
        int reserved = frame.get(start + 3) & 0xff;
        if (version != VERSION) {
            throw new MalformedFrameException("Unsupported frame version " + version + ".");
        }
        if (kind != expected.code) {
            throw new MalformedFrameException("Expected a frame of kind " + expected.code + ", not " + kind + ".");
        }
        if ((flags & ~FLAG_CRC) != 0 || reserved != 0) {
            throw new MalformedFrameException("Unknown flags in the frame header.");
        }
        byte[] id = new byte[ID_BYTES];
        frame.get(start + 4, id);
        int index = frame.getInt(start + 16);
        int crc = frame.getInt(start + 20);
        return new Header(Kind.values()[kind - 1], HEX.formatHex(id), index, (flags & FLAG_CRC) != 0 ? crc : null,
                payloadLength);
    }

    /** Whether the payload after the header at {@code frame}'s position matches the CRC32C in it (true if none). */
    public static boolean intact(ByteBuffer frame, Header header) {
        if (header.crc32c() == null) {
            return true;
        }
        CRC32C crc = new CRC32C();
        crc.update(frame.slice(frame.position() + HEADER_BYTES, header.payloadLength()));
        return (int) crc.getValue() == header.crc32c();
    }
}
