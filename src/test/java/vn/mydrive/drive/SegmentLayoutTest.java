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
    void theSendingLayoutRoundsToWholeChunksAndNeverBelowOne() {
        assertEquals(3 * CHUNK, SegmentLayout.of(100, 3 * CHUNK + 10, CHUNK).segmentSize());
        assertEquals(255 * 1024, SegmentLayout.of(100, SEGMENT, 255 * 1024).segmentSize());
    }

    @Test
    void segmentsOfPartChunksAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new SegmentLayout(10, CHUNK + 1, CHUNK));
        assertThrows(IllegalArgumentException.class, () -> new SegmentLayout(-1, SEGMENT, CHUNK));
        assertThrows(IllegalArgumentException.class, () -> new SegmentLayout(10, SEGMENT, 0));
    }
}
