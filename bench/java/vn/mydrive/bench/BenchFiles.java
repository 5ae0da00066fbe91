package vn.mydrive.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/** Test files for the benchmarks: random bytes from a seed fixed by the size, made once and kept. */
public final class BenchFiles {

    private BenchFiles() {
    }

    /** A file of {@code size} random bytes in {@code dir}, the same bytes every time for the same size. */
    public static Path random(Path dir, long size) throws IOException {
        Path file = Files.createDirectories(dir).resolve("random-" + (size >> 20) + "MiB.bin").toAbsolutePath();
        if (Files.exists(file) && Files.size(file) == size) {
            return file;
        }
        Random random = new Random(size);
        byte[] block = new byte[1 << 20];
        try (OutputStream out = Files.newOutputStream(file)) {
            for (long written = 0; written < size; written += block.length) {
                random.nextBytes(block);
                out.write(block, 0, (int) Math.min(block.length, size - written));
            }
        }
        return file;
    }
}
