package vn.mydrive.client;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** The bytes of a file to upload, read at any offset (segments are sent out of order and retried). */
public interface SegmentSource extends AutoCloseable {

    long size();

    void read(long position, byte[] target, int offset, int length);

    @Override
    default void close() {
    }

    static SegmentSource of(byte[] bytes) {
        return new SegmentSource() {
            @Override
            public long size() {
                return bytes.length;
            }

            @Override
            public void read(long position, byte[] target, int offset, int length) {
                System.arraycopy(bytes, (int) position, target, offset, length);
            }
        };
    }

    static SegmentSource of(Path file) {
        try {
            FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
            return new SegmentSource() {
                @Override
                public long size() {
                    try {
                        return channel.size();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }

                @Override
                public void read(long position, byte[] target, int offset, int length) {
                    ByteBuffer buffer = ByteBuffer.wrap(target, offset, length);
                    try {
                        while (buffer.hasRemaining()) {
                            if (channel.read(buffer, position + buffer.position() - offset) < 0) {
                                throw new IOException("File shorter than expected");
                            }
                        }
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }

                @Override
                public void close() {
                    try {
                        channel.close();
                    } catch (IOException ignored) {
                        // Read-only; nothing to lose.
                    }
                }
            };
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
