package vn.mydrive.drive.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Test;
import vn.mydrive.drive.protocol.SegmentFrame.Header;
import vn.mydrive.drive.protocol.SegmentFrame.Kind;
import vn.mydrive.drive.protocol.SegmentFrame.MalformedFrameException;

class SegmentFrameTest {

    private static final String ID = "65a1b2c3d4e5f60718293a4b";

    @Test
    void aSealedFrameReadsBackAsWritten() {
        byte[] frame = frame("hello, segment");
        SegmentFrame.seal(frame, Kind.UPLOAD, ID, 7, 14);

        Header header = SegmentFrame.read(ByteBuffer.wrap(frame), Kind.UPLOAD);

        assertEquals(Kind.UPLOAD, header.kind());
        assertEquals(ID, header.id());
        assertEquals(7, header.index());
        assertEquals(14, header.payloadLength());
        assertTrue(SegmentFrame.intact(ByteBuffer.wrap(frame), header));
    }

    @Test
    void theHeaderIsLaidOutAsTheProtocolDocumentSays() {
        byte[] frame = frame("abc");
        SegmentFrame.seal(frame, Kind.DOWNLOAD, ID, 258, 3);
        CRC32C crc = new CRC32C();
        crc.update("abc".getBytes(StandardCharsets.US_ASCII));

        ByteBuffer bytes = ByteBuffer.wrap(frame);
        assertEquals(1, bytes.get(0));
        assertEquals(2, bytes.get(1));
        assertEquals(1, bytes.get(2));
        assertEquals(0, bytes.get(3));
        assertEquals((byte) 0x65, bytes.get(4));
        assertEquals((byte) 0x4b, bytes.get(15));
        assertEquals(258, bytes.getInt(16));
        assertEquals((int) crc.getValue(), bytes.getInt(20));
    }

    @Test
    void aDamagedPayloadIsToldApart() {
        byte[] frame = frame("twelve bytes");
        SegmentFrame.seal(frame, Kind.DOWNLOAD, ID, 0, 12);
        frame[SegmentFrame.HEADER_BYTES + 3] ^= 1;

        Header header = SegmentFrame.read(ByteBuffer.wrap(frame), Kind.DOWNLOAD);

        assertFalse(SegmentFrame.intact(ByteBuffer.wrap(frame), header));
    }

    @Test
    void aFrameReadFromTheMiddleOfABufferUsesItsOwnBounds() {
        byte[] frame = frame("payload");
        SegmentFrame.seal(frame, Kind.DOWNLOAD, ID, 3, 7);
        ByteBuffer wider = ByteBuffer.allocate(frame.length + 10);
        wider.position(5).put(frame).position(5).limit(5 + frame.length);

        Header header = SegmentFrame.read(wider, Kind.DOWNLOAD);

        assertEquals(3, header.index());
        assertEquals(7, header.payloadLength());
        assertTrue(SegmentFrame.intact(wider, header));
    }

    @Test
    void withoutTheChecksumFlagThereIsNoChecksum() {
        byte[] frame = frame("x");
        SegmentFrame.seal(frame, Kind.UPLOAD, ID, 0, 1);
        frame[2] = 0;

        Header header = SegmentFrame.read(ByteBuffer.wrap(frame), Kind.UPLOAD);

        assertNull(header.crc32c());
        assertTrue(SegmentFrame.intact(ByteBuffer.wrap(frame), header));
    }

    @Test
    void framesThatBreakTheLayoutAreRefusedWithTheReason() {
        byte[] frame = frame("x");
        SegmentFrame.seal(frame, Kind.UPLOAD, ID, 0, 1);

        assertThrows(MalformedFrameException.class, () -> SegmentFrame.read(ByteBuffer.allocate(23), Kind.UPLOAD));
        assertThrows(MalformedFrameException.class, () -> SegmentFrame.read(ByteBuffer.wrap(frame), Kind.DOWNLOAD));
        byte[] version = frame.clone();
        version[0] = 2;
        assertThrows(MalformedFrameException.class, () -> SegmentFrame.read(ByteBuffer.wrap(version), Kind.UPLOAD));
        byte[] flags = frame.clone();
        flags[2] = (byte) 0x80;
        assertThrows(MalformedFrameException.class, () -> SegmentFrame.read(ByteBuffer.wrap(flags), Kind.UPLOAD));
        byte[] reserved = frame.clone();
        reserved[3] = 1;
        assertThrows(MalformedFrameException.class, () -> SegmentFrame.read(ByteBuffer.wrap(reserved), Kind.UPLOAD));
    }

    private static byte[] frame(String payload) {
        byte[] bytes = payload.getBytes(StandardCharsets.US_ASCII);
        byte[] frame = new byte[SegmentFrame.HEADER_BYTES + bytes.length];
        System.arraycopy(bytes, 0, frame, SegmentFrame.HEADER_BYTES, bytes.length);
        return frame;
    }
}
