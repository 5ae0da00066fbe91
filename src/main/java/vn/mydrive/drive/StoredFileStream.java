package vn.mydrive.drive;

import java.io.InputStream;
import java.util.function.IntFunction;

/** A stored file's bytes as a stream, one chunk in memory at a time. */
final class StoredFileStream extends InputStream {

    private final IntFunction<byte[]> chunks;
    private final int chunkCount;
    private int next;
    private byte[] chunk = new byte[0];
    private int position;

    StoredFileStream(IntFunction<byte[]> chunks, int chunkCount) {
        this.chunks = chunks;
        this.chunkCount = chunkCount;
    }

    @Override
    public int read() {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] target, int offset, int length) {
        if (length == 0) {
            return 0;
        }
        while (position == chunk.length) {
            if (next == chunkCount) {
                return -1;
            }
            chunk = chunks.apply(next++);
            position = 0;
        }
        int count = Math.min(length, chunk.length - position);
        System.arraycopy(chunk, position, target, offset, count);
        position += count;
        return count;
    }
}
