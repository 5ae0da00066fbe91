package vn.mydrive.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Issue 17's cost table: sums a phase's folded stacks ({@link PhaseProfiler}) by stage of the path between the
 * socket and the store, and prints each stage's share, per GiB moved: CPU seconds from a CPU profile (samples at
 * 1 ms), bytes allocated (so, roughly, copies of the payload) from an allocation profile.
 *
 * <p>Usage: {@code ProfileStages <file.collapsed> <MiB moved> <cpu|alloc>}. Each stack goes to the first stage
 * whose rule matches it, in the order below: a stack in the store's threads is the store's, whatever it calls.
 */
public final class ProfileStages {

    private record Stage(String name, Predicate<String> matches) {
    }

    private static Predicate<String> any(String... parts) {
        return stack -> {
            for (String part : parts) {
                if (stack.contains(part)) {
                    return true;
                }
            }
            return false;
        };
    }

    private static final List<Stage> STAGES = List.of(
            new Stage("garbage collection", any("[G1 ", "[GC Thread", "[VM Thread", "[VM Periodic")),
            new Stage("JIT compilation", any("CompilerThre", "[Sweeper thread")),
            new Stage("store: BSON decoding", any("de.bwaldvogel.mongo.wire.BsonDecoder",
                    "de.bwaldvogel.mongo.wire.MongoWireProtocolHandler.decode")),
            new Stage("store: H2 object serialization", any("java.io.ObjectOutputStream", "java.io.ObjectInputStream",
                    "org.h2.mvstore.type.ObjectDataType")),
            new Stage("store: H2 write and commit", any("org.h2.mvstore")),
            new Stage("store: other (query, index, reply)", any("de.bwaldvogel", "[mongo-server")),
            // Undertow unmasks on the server (Masker.mask), the JDK's client masks (Frame$Masker).
            new Stage("WebSocket masking and unmasking", any("Masker.mask", "Masker.unmask", "Frame$Masker")),
            new Stage("message assembly (MessageAssembler)", any("MessageAssembler.binary")),
            new Stage("frame parsing", any("SegmentFrame.read", "SegmentFrame.write")),
            new Stage("CRC32C", any("CRC32C")),
            new Stage("SHA-256", any("sun.security.provider.SHA2", "sun.security.provider.DigestBase",
                    "UploadDigests")),
            new Stage("segment read for a download", any("FileService.readSegment", "MongoChunkRepository.read")),
            new Stage("BSON encoding (driver)", any("org.bson.codecs", "org.bson.BsonBinaryWriter",
                    "org.bson.AbstractBsonWriter", "com.mongodb.internal.connection.ByteBufferBsonOutput",
                    "com.mongodb.internal.connection.SplittablePayload", "com.mongodb.internal.connection.BsonWriterHelper")),
            new Stage("driver socket send and receive", any("com.mongodb.internal.connection")),
            // After the driver's stages: what is left under the chunk write is the app's own (a copy, when a segment is
            // not one whole chunk); before them, this rule took the driver's socket writes for copies.
            new Stage("chunk write, the app's own part (MongoChunkRepository.write)", any("MongoChunkRepository.write")),
            new Stage("acknowledgements and frames sent", any("Outbox", "Replies.", "WebSocketSessionRemoteEndpoint",
                    "io.undertow.websockets.core.WebSocketChannel.send", "WebSockets.send")),
            new Stage("socket receive and WebSocket framing (Undertow I/O threads)", any("[default I.O", "[XNIO")),
            new Stage("client: the JDK's WebSocket (framing, socket send and receive)", any("jdk.internal.net.http")),
            new Stage("client: file read and write", any("sun.nio.ch.FileChannelImpl", "sun.nio.ch.FileDispatcherImpl",
                    "java.io.FileInputStream", "java.io.RandomAccessFile")),
            new Stage("other MyDrive code", any("vn.mydrive")),
            new Stage("other", stack -> true));

    public static void main(String[] args) throws IOException {
        Path file = Path.of(args[0]);
        double gib = Long.parseLong(args[1]) / 1024.0;
        boolean cpu = args.length < 3 || args[2].equals("cpu");
        Map<String, Long> totals = new LinkedHashMap<>();
        STAGES.forEach(s -> totals.put(s.name(), 0L));
        long all = 0;
        for (String line : Files.readAllLines(file)) {
            int space = line.lastIndexOf(' ');
            if (space < 0) {
                continue;
            }
            // Frames name classes with slashes (java/lang/Thread.run), and thread names keep theirs ("default I/O-1").
            String stack = line.substring(0, space).replace('/', '.');
            long count = Long.parseLong(line.substring(space + 1).trim());
            all += count;
            for (Stage stage : STAGES) {
                if (stage.matches().test(stack)) {
                    totals.merge(stage.name(), count, Long::sum);
                    break;
                }
            }
        }
        System.out.printf("%s: %s per GiB moved%n", file.getFileName(), cpu ? "CPU seconds" : "GiB allocated");
        System.out.printf("| stage | %s per GiB | share |%n|---|---|---|%n", cpu ? "CPU s" : "GiB allocated");
        for (Map.Entry<String, Long> stage : totals.entrySet()) {
            if (stage.getValue() == 0) {
                continue;
            }
            System.out.printf("| %s | %.2f | %.0f %% |%n", stage.getKey(), per(stage.getValue(), cpu) / gib,
                    100.0 * stage.getValue() / all);
        }
        System.out.printf("| **all** | **%.2f** | 100 %% |%n", per(all, cpu) / gib);
    }

    /** Samples at 1 ms to seconds, or bytes to GiB. */
    private static double per(long count, boolean cpu) {
        return cpu ? count / 1000.0 : count / (double) (1L << 30);
    }

    private ProfileStages() {
    }
}
