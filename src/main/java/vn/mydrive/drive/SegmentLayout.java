package vn.mydrive.drive;

/**
 * How a file of {@code size} bytes is cut for transfer: segments of {@code segmentSize} bytes (only the last may be
 * shorter), each made of whole GridFS chunks of {@code chunkSize} bytes, so segment {@code i} is stored in chunks
 * {@code firstChunk(i)} to {@code firstChunk(i) + chunkCount(i) - 1}. Uploads, downloads and the digests all count
 * with this one value.
 */
public record SegmentLayout(long size, int segmentSize, int chunkSize) {

    public SegmentLayout {
        if (size < 0 || chunkSize < 1 || segmentSize < chunkSize || segmentSize % chunkSize != 0) {
            throw new IllegalArgumentException("A layout needs size >= 0 and segments of whole chunks, not size "
                    + size + ", segment " + segmentSize + ", chunk " + chunkSize);
        }
    }

    /**
     * The layout for sending a file stored in chunks of {@code chunkSize}: segments as close to {@code wantedSegment}
     * as whole chunks allow, and at least one chunk (a file stored by another client may have bigger chunks than the
     * configured segment).
     */
    public static SegmentLayout of(long size, int wantedSegment, int chunkSize) {
        return new SegmentLayout(size, chunkSize * Math.max(1, wantedSegment / chunkSize), chunkSize);
    }

    public int segmentCount() {
        return Math.toIntExact((size + segmentSize - 1) / segmentSize);
    }

    public boolean hasSegment(int index) {
        return index >= 0 && index < segmentCount();
    }

    /** The exact length segment {@code index} has (only the last one may be short). */
    public int segmentLength(int index) {
        requireSegment(index);
        return (int) Math.min(segmentSize, size - (long) index * segmentSize);
    }

    /** The chunk number a segment's first byte is stored in. */
    public int firstChunk(int index) {
        requireSegment(index);
        return index * (segmentSize / chunkSize);
    }

    /** How many chunks segment {@code index} is stored in. */
    public int chunkCount(int index) {
        return (segmentLength(index) + chunkSize - 1) / chunkSize;
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
