package vn.mydrive.drive.transfer;

import java.nio.ByteBuffer;
import org.bson.types.ObjectId;
import vn.mydrive.drive.transfer.TransferExceptions.BadFrameException;

/**
 * The binary frame that carries one segment: a fixed 24-byte header, then the segment's bytes.
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
 * See docs/transfer-protocol.md.
 */
record SegmentFrame(int kind, ObjectId id, int index, Integer crc32c, int payloadOffset, int payloadLength) {

    static final int HEADER_BYTES = 24;
    static final int VERSION = 1;
    static final int UPLOAD = 1;
    static final int DOWNLOAD = 2;
    private static final int FLAG_CRC = 1;

    /** Reads the header of an upload frame: the first {@code length} bytes of {@code frame}. */
    static SegmentFrame parseUpload(byte[] frame, int length) {
        if (length < HEADER_BYTES) {
            throw new BadFrameException("A segment frame has a " + HEADER_BYTES + "-byte header.");
        }
        ByteBuffer header = ByteBuffer.wrap(frame, 0, HEADER_BYTES);
        int version = header.get() & 0xff;
        int kind = header.get() & 0xff;
        int flags = header.get() & 0xff;
        int reserved = header.get() & 0xff;
        if (version != VERSION) {
            throw new BadFrameException("Unsupported frame version " + version + ".");
        }
        if (kind != UPLOAD) {
            throw new BadFrameException("Clients send only upload segments (kind 1).");
        }
        if ((flags & ~FLAG_CRC) != 0 || reserved != 0) {
            throw new BadFrameException("Unknown flags in the frame header.");
        }
        byte[] id = new byte[12];
        header.get(id);
        int index = header.getInt();
        int crc = header.getInt();
        return new SegmentFrame(kind, new ObjectId(id), index, (flags & FLAG_CRC) != 0 ? crc : null,
                HEADER_BYTES, length - HEADER_BYTES);
    }

    /** Writes a download header into the first {@value #HEADER_BYTES} bytes of {@code frame}. */
    static void writeDownloadHeader(byte[] frame, ObjectId fileId, int index, int crc32c) {
        ByteBuffer header = ByteBuffer.wrap(frame, 0, HEADER_BYTES);
        header.put((byte) VERSION).put((byte) DOWNLOAD).put((byte) FLAG_CRC).put((byte) 0);
        header.put(fileId.toByteArray());
        header.putInt(index);
        header.putInt(crc32c);
    }
}
