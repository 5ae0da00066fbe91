package vn.mydrive.drive;

import java.io.IOException;

/**
 * Which GridFS chunks hold a range of a file's bytes, and which part of each: the one mapping from bytes (an HTTP
 * range, a download segment) onto chunks of any size. A well-formed GridFS file of {@code size} bytes in chunks of
 * {@code chunkSize} has {@code ceil(size / chunkSize)} chunks numbered from 0, every one {@code chunkSize} bytes long
 * but the last, which holds the rest ({@link #chunkLength}); anything else is not that file.
 */
public record ChunkSpan(long size, int chunkSize) {

    public ChunkSpan {
        if (size < 0 || chunkSize < 1) {
            throw new IllegalArgumentException("No such file: size " + size + ", chunk " + chunkSize);
        }
    }

    /** Bytes {@code from} (inclusive) to {@code to} (exclusive) of chunk {@code n} belong to the range. */
    @FunctionalInterface
    public interface Part {
        void accept(int n, int from, int to) throws IOException;
    }

    public int chunkCount() {
        return Math.toIntExact((size + chunkSize - 1) / chunkSize);
    }

    /** The exact length chunk {@code n} has in a well-formed file. */
    public int chunkLength(int n) {
        if (n < 0 || n >= chunkCount()) {
            throw new IndexOutOfBoundsException("Chunk " + n + " is outside 0.." + (chunkCount() - 1));
        }
        return (int) Math.min(chunkSize, size - (long) n * chunkSize);
    }

    /** Calls {@code part} for each chunk holding bytes {@code first} to {@code last} (inclusive), in order. */
    public void forEach(long first, long last, Part part) throws IOException {
        if (first < 0 || last >= size || first > last) {
            throw new IndexOutOfBoundsException("Bytes " + first + ".." + last + " are not within 0.." + (size - 1));
        }
        for (int n = Math.toIntExact(first / chunkSize), end = Math.toIntExact(last / chunkSize); n <= end; n++) {
            long chunkStart = (long) n * chunkSize;
            part.accept(n, (int) Math.max(0, first - chunkStart), (int) Math.min(chunkLength(n), last - chunkStart + 1));
        }
    }
}
