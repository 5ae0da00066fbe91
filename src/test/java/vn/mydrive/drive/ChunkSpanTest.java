package vn.mydrive.drive;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ChunkSpanTest {

    @Test
    void aRangeTakesPartsOfItsFirstAndLastChunk() throws IOException {
        List<List<Integer>> parts = new ArrayList<>();
        new ChunkSpan(1000, 300).forEach(250, 650, (n, from, to) -> parts.add(List.of(n, from, to)));
        assertEquals(List.of(List.of(0, 250, 300), List.of(1, 0, 300), List.of(2, 0, 51)), parts);
    }

    @Test
    void theLastChunkHoldsTheRest() {
        ChunkSpan span = new ChunkSpan(1000, 300);
        assertEquals(4, span.chunkCount());
        assertEquals(300, span.chunkLength(2));
        assertEquals(100, span.chunkLength(3));
        assertThrows(IndexOutOfBoundsException.class, () -> span.chunkLength(4));
        assertEquals(0, new ChunkSpan(0, 300).chunkCount());
    }

    @Test
    void rangesOutsideTheFileAreRefused() {
        ChunkSpan span = new ChunkSpan(1000, 300);
        assertThrows(IndexOutOfBoundsException.class, () -> span.forEach(0, 1000, (n, from, to) -> { }));
        assertThrows(IndexOutOfBoundsException.class, () -> span.forEach(-1, 10, (n, from, to) -> { }));
        assertThrows(IndexOutOfBoundsException.class, () -> span.forEach(11, 10, (n, from, to) -> { }));
    }

    /**
     * Every segment of every layout, cut from chunks of odd sizes (smaller than a segment, not dividing it, larger
     * than it), gives back exactly the file's bytes at that place.
     */
    @Test
    void segmentsReadFromChunksOfAnySizeAreTheFilesBytes() throws IOException {
        byte[] file = new byte[10_007];
        new Random(14).nextBytes(file);
        for (int chunkSize : new int[] {1, 7, 255, 1000, 1024, 4096, 4099, 10_007, 20_000}) {
            List<byte[]> chunks = new ArrayList<>();
            for (int start = 0; start < file.length; start += chunkSize) {
                chunks.add(Arrays.copyOfRange(file, start, Math.min(file.length, start + chunkSize)));
            }
            for (int segmentSize : new int[] {1, 1000, 1024, 4096, 10_007}) {
                SegmentLayout layout = SegmentLayout.of(file.length, segmentSize, chunkSize);
                ChunkSpan span = new ChunkSpan(file.length, chunkSize);
                ByteArrayOutputStream whole = new ByteArrayOutputStream();
                for (int i = 0; i < layout.segmentCount(); i++) {
                    long first = layout.segmentStart(i);
                    List<Integer> touched = new ArrayList<>();
                    span.forEach(first, first + layout.segmentLength(i) - 1, (n, from, to) -> {
                        touched.add(n);
                        whole.write(chunks.get(n), from, to - from);
                    });
                    assertEquals(layout.firstChunk(i), touched.get(0));
                    assertEquals(layout.chunkCount(i), touched.size());
                }
                assertArrayEquals(file, whole.toByteArray(), "chunks of " + chunkSize + ", segments of " + segmentSize);
            }
        }
    }
}
