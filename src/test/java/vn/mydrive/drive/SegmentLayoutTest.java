package vn.mydrive.drive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SegmentLayoutTest {

    private static final int CHUNK = 1024;
    private static final int SEGMENT = 4 * CHUNK;

    @Test
    void aFileThatEndsMidSegmentHasAShortLastSegmentInFewerChunks() {
        SegmentLayout layout = new SegmentLayout(2L * SEGMENT + CHUNK + 1, SEGMENT, CHUNK);
        assertEquals(3, layout.segmentCount());
        assertEquals(SEGMENT, layout.segmentLength(1));
        assertEquals(CHUNK + 1, layout.segmentLength(2));
        assertEquals(8, layout.firstChunk(2));
        assertEquals(4, layout.chunkCount(1));
        assertEquals(2, layout.chunkCount(2));
        assertEquals(10, layout.chunkCount());
    }

    @Test
    void aFileOfWholeSegmentsHasNoShortOne() {
        SegmentLayout layout = new SegmentLayout(3L * SEGMENT, SEGMENT, CHUNK);
        assertEquals(3, layout.segmentCount());
        assertEquals(SEGMENT, layout.segmentLength(2));
        assertEquals(12, layout.chunkCount());
    }

    @Test
    void anEmptyFileHasNoSegment() {
        SegmentLayout layout = new SegmentLayout(0, SEGMENT, CHUNK);
        assertEquals(0, layout.segmentCount());
        assertEquals(0, layout.chunkCount());
        assertFalse(layout.hasSegment(0));
    }

    @Test
    void indexesOutsideTheFileAreRefused() {
        SegmentLayout layout = new SegmentLayout(SEGMENT + 1, SEGMENT, CHUNK);
        assertTrue(layout.hasSegment(1));
        assertFalse(layout.hasSegment(2));
        assertFalse(layout.hasSegment(-1));
        assertThrows(IndexOutOfBoundsException.class, () -> layout.segmentLength(2));
        assertThrows(IndexOutOfBoundsException.class, () -> layout.firstChunk(-1));
    }

    @Test
    void aFileOfHugeSizeCountsWithoutOverflow() {
        long size = 5L * 1024 * 1024 * 1024 * 1024; // 5 TiB
        SegmentLayout layout = new SegmentLayout(size, 8 << 20, 1 << 20);
        assertEquals(655_360, layout.segmentCount());
        assertEquals(8 << 20, layout.segmentLength(655_359));
    }

    @Test
    void theSendingLayoutKeepsItsSegmentSizeWhateverTheChunks() {
        assertEquals(SEGMENT, SegmentLayout.of(100, SEGMENT, 255 * 1024).segmentSize());
        assertEquals(SEGMENT, SegmentLayout.of(100, SEGMENT, 3 * SEGMENT).segmentSize());
    }

    @Test
    void segmentsMapOntoChunksOfTheUsualGridFsSize() {
        int chunk = 255 * 1024; // pymongo's, mongofiles' and the drivers' default
        int segment = 1 << 20;
        long size = 3L * segment + 5;
        SegmentLayout layout = SegmentLayout.of(size, segment, chunk);
        assertEquals(4, layout.segmentCount());
        // Segment 0: bytes 0 .. 1048575, chunks 0 .. 4 (chunk 4 begins at 1044480 and goes on into segment 1).
        assertEquals(0, layout.firstChunk(0));
        assertEquals(5, layout.chunkCount(0));
        // Segment 1: bytes 1048576 .. 2097151, chunks 4 .. 8.
        assertEquals(segment, layout.segmentStart(1));
        assertEquals(4, layout.firstChunk(1));
        assertEquals(5, layout.chunkCount(1));
        // The last segment: 5 bytes, inside chunk 12 (which begins at 3133440).
        assertEquals(5, layout.segmentLength(3));
        assertEquals(12, layout.firstChunk(3));
        assertEquals(1, layout.chunkCount(3));
        assertEquals(13, layout.chunkCount());
    }

    @Test
    void aChunkBiggerThanASegmentHoldsSeveralSegments() {
        SegmentLayout layout = SegmentLayout.of(10L * SEGMENT, SEGMENT, 3 * SEGMENT);
        assertEquals(10, layout.segmentCount());
        assertEquals(1, layout.firstChunk(3));
        assertEquals(1, layout.chunkCount(3));
        assertEquals(3, layout.firstChunk(9));
        assertEquals(4, layout.chunkCount());
    }

    @Test
    void uploadsRefuseSegmentsOfPartChunks() {
        assertThrows(IllegalArgumentException.class, () -> SegmentLayout.aligned(10, CHUNK + 1, CHUNK));
        assertThrows(IllegalArgumentException.class, () -> SegmentLayout.aligned(10, CHUNK - 1, CHUNK));
        assertEquals(SEGMENT, SegmentLayout.aligned(10, SEGMENT, CHUNK).segmentSize());
        assertThrows(IllegalArgumentException.class, () -> new SegmentLayout(-1, SEGMENT, CHUNK));
        assertThrows(IllegalArgumentException.class, () -> new SegmentLayout(10, SEGMENT, 0));
        assertThrows(IllegalArgumentException.class, () -> new SegmentLayout(10, 0, CHUNK));
    }
}
