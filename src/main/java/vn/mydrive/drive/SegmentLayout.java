package vn.mydrive.drive;

/**
 * How a file of {@code size} bytes is cut for transfer: segments of {@code segmentSize} bytes (only the last may be
 * shorter) over GridFS chunks of {@code chunkSize} bytes. Segment {@code i} holds bytes {@code segmentStart(i)} to
 * {@code segmentStart(i) + segmentLength(i) - 1}, stored in chunks {@code firstChunk(i)} to
 * {@code firstChunk(i) + chunkCount(i) - 1}. An upload's segments are whole chunks ({@link #aligned}); a stored
 * file's chunks may be of any size (another GridFS client's 255 KiB), so a download segment may begin or end inside a
 * chunk ({@link ChunkSpan} says which part of each chunk it takes). Uploads, downloads and the digests all count with
 * this one value.
 */
public record SegmentLayout(long size, int segmentSize, int chunkSize) {

    public SegmentLayout {
        if (size < 0 || chunkSize < 1 || segmentSize < 1) {
            throw new IllegalArgumentException("A layout needs size >= 0 and positive segments and chunks, not size "
                    + size + ", segment " + segmentSize + ", chunk " + chunkSize);
        }
    }

    /** The layout of an upload, whose segments are written straight into whole chunks. */
    public static SegmentLayout aligned(long size, int segmentSize, int chunkSize) {
        if (chunkSize < 1 || segmentSize < chunkSize || segmentSize % chunkSize != 0) {
            throw new IllegalArgumentException("An upload's segments are whole chunks, not segment " + segmentSize
                    + " over chunk " + chunkSize);
        }
        return new SegmentLayout(size, segmentSize, chunkSize);
    }

    /**
     * The layout for sending a file stored in chunks of {@code chunkSize}: segments of exactly {@code segmentSize}
     * bytes, whatever the chunk size (a file stored by another client may have chunks bigger or smaller than a
     * segment, or not dividing it).
     */
    public static SegmentLayout of(long size, int segmentSize, int chunkSize) {
        return new SegmentLayout(size, segmentSize, chunkSize);
    }

    public int segmentCount() {
        return Math.toIntExact((size + segmentSize - 1) / segmentSize);
    }

    public boolean hasSegment(int index) {
        return index >= 0 && index < segmentCount();
    }

    /** The offset of segment {@code index}'s first byte in the file. */
    public long segmentStart(int index) {
        requireSegment(index);
        return (long) index * segmentSize;
    }

    /** The exact length segment {@code index} has (only the last one may be short). */
    public int segmentLength(int index) {
        return (int) Math.min(segmentSize, size - segmentStart(index));
    }

    /** The chunk number a segment's first byte is stored in. */
    public int firstChunk(int index) {
        return Math.toIntExact(segmentStart(index) / chunkSize);
    }

    /** How many chunks segment {@code index} is stored in (some of them maybe in part). */
    public int chunkCount(int index) {
        long last = segmentStart(index) + segmentLength(index) - 1;
        return Math.toIntExact(last / chunkSize) - firstChunk(index) + 1;
    }

    /** How many chunks the whole file is stored in. */
    public int chunkCount() {
        return Math.toIntExact((size + chunkSize - 1) / chunkSize);
    }

    private void requireSegment(int index) {
        if (!hasSegment(index)) {
            throw new IndexOutOfBoundsException("Segment " + index + " is outside 0.." + (segmentCount() - 1));
        }
    }
}
