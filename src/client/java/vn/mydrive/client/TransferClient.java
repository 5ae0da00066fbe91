package vn.mydrive.client;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.zip.CRC32C;
import vn.mydrive.drive.SegmentLayout;
import vn.mydrive.drive.protocol.SegmentFrame;

/**
 * A Java client of the MyDrive transfer protocol (docs/transfer-protocol.md), used by the command-line client,
 * the tests and the benchmarks: uploads and downloads in segments over one WebSocket, a window of segments in
 * flight, retries of retryable errors with backoff, resume, and SHA-256 checking of what the server says it stored.
 * Frames are written and read with the server's own codec ({@link SegmentFrame}); the retry numbers are the
 * browser client's (webapp/resources/js/protocol.js), as the protocol document states them.
 */
public final class TransferClient implements AutoCloseable {

    /** Tries of one segment before the transfer fails (back-pressure is not counted). */
    private static final int MAX_ATTEMPTS = 6;
    /** A segment or get unanswered this long is sent again: answers can be lost with a connection's trouble. */
    private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration REPLY_TIMEOUT = Duration.ofSeconds(60);
    /** How often a wait for answers looks whether the connection is still there. */
    private static final Duration CLOSE_CHECK = Duration.ofMillis(200);

    private final WebSocket socket;
    private final JsonObject welcome;
    private final List<Consumer<JsonObject>> textListeners = new CopyOnWriteArrayList<>();
    private final Map<String, Consumer<ReceivedSegment>> downloads = new ConcurrentHashMap<>();
    private final LinkedBlockingQueue<JsonObject> inbox = new LinkedBlockingQueue<>();
    private final CompletableFuture<int[]> closed = new CompletableFuture<>();
    private final CompletableFuture<String> closedReason = new CompletableFuture<>();
    private final ScheduledExecutorService pinger = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "transfer-ping");
        t.setDaemon(true);
        return t;
    });
    private CompletableFuture<WebSocket> lastSend = CompletableFuture.completedFuture(null);
    private final java.util.concurrent.atomic.AtomicInteger windowExceeded = new java.util.concurrent.atomic.AtomicInteger();
    private final java.util.concurrent.atomic.AtomicInteger binaryFrames = new java.util.concurrent.atomic.AtomicInteger();
    private volatile java.util.function.LongConsumer roundTrips = nanos -> {
    };
    private volatile java.util.function.ObjIntConsumer<String> acknowledgements = (uploadId, index) -> {
    };
    private volatile ProgressListener progress = (id, done, total) -> {
    };

    private TransferClient(WebSocket socket, JsonObject welcome) {
        this.socket = socket;
        this.welcome = welcome;
    }

    /**
     * Opens the socket with {@code Authorization: Bearer token} and waits for the server's welcome.
     *
     * @param headers extra handshake headers (name, value, ...), e.g. an Origin
     */
    public static TransferClient connect(URI uri, String token, String... headers) {
        Listener listener = new Listener();
        WebSocket.Builder builder = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        for (int i = 0; i < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        WebSocket socket = builder.buildAsync(uri, listener).join();
        JsonObject welcome = listener.firstMessage.orTimeout(30, TimeUnit.SECONDS).join();
        TransferClient client = new TransferClient(socket, welcome);
        listener.client = client;
        listener.replay();
        if ("welcome".equals(welcome.getString("type", ""))) {
            long heartbeat = welcome.getJsonNumber("heartbeatMs").longValue();
            client.pinger.scheduleAtFixedRate(() -> client.sendText("{\"type\":\"ping\"}"), heartbeat, heartbeat,
                    TimeUnit.MILLISECONDS);
        }
        return client;
    }

    /** Told every segment the server acknowledged: the upload's id and the segment's index. */
    public void onAcknowledged(java.util.function.ObjIntConsumer<String> listener) {
        this.acknowledgements = listener;
    }

    /** Told how far each transfer is. */
    public interface ProgressListener {
        /**
         * @param id    the upload's or the file's id
         * @param done  bytes stored (upload) or received (download) so far, including what was stored before a resume
         * @param total the file's size
         */
        void progress(String id, long done, long total);
    }

    /** Told how far transfers are: once when each starts, and after every segment stored or received. */
    public void onProgress(ProgressListener listener) {
        this.progress = listener;
    }

    /** Told the round-trip time (nanoseconds) of every answered segment: sent to acknowledged, or asked to received. */
    public void onSegmentRoundTrip(java.util.function.LongConsumer listener) {
        this.roundTrips = listener;
    }

    public JsonObject welcome() {
        return welcome;
    }

    public int segmentSize() {
        return welcomed().getInt("segmentSize");
    }

    public int window() {
        return welcomed().getInt("window");
    }

    /** The welcome, or what the server said instead of it (a refusal, an ending) as an exception that says so. */
    private JsonObject welcomed() {
        if (!"welcome".equals(welcome.getString("type", ""))) {
            throw new ServerRefusedException(0, welcome.getString("error", welcome.getString("type", "")),
                    "The server did not welcome this connection: " + welcome);
        }
        return welcome;
    }

    // ---------------------------------------------------------------- raw protocol access (for tests)

    public synchronized CompletableFuture<WebSocket> sendText(String text) {
        lastSend = lastSend.exceptionally(e -> null).thenCompose(ws -> socket.sendText(text, true));
        return lastSend;
    }

    public synchronized CompletableFuture<WebSocket> sendBinary(byte[] frame) {
        lastSend = lastSend.exceptionally(e -> null).thenCompose(ws -> socket.sendBinary(ByteBuffer.wrap(frame), true));
        return lastSend;
    }

    /** The next received message matching {@code filter} (messages are also kept for later calls). */
    public JsonObject await(Predicate<JsonObject> filter, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<JsonObject> skipped = new ArrayList<>();
        try {
            while (true) {
                long left = deadline - System.nanoTime();
                JsonObject next = left <= 0 ? null : inbox.poll(left, TimeUnit.NANOSECONDS);
                if (next == null) {
                    throw new NoAnswerException("No matching message within " + timeout + "; saw " + skipped);
                }
                if (filter.test(next)) {
                    return next;
                }
                skipped.add(next);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            // Messages the caller skipped stay available, in order, ahead of newer ones.
            List<JsonObject> rest = new ArrayList<>(skipped);
            inbox.drainTo(rest);
            inbox.addAll(rest);
        }
    }

    public JsonObject awaitType(String type) {
        return await(m -> type.equals(m.getString("type", "")), REPLY_TIMEOUT);
    }

    /** Close code and reason once the server closed the socket. */
    public int awaitCloseCode(Duration timeout) {
        return closed.orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS).join()[0];
    }

    public String closeReason() {
        return closedReason.getNow(null);
    }

    public boolean isOpen() {
        return !closed.isDone();
    }

    /** How many {@code window_exceeded} errors this client got (it never has more than the window unanswered). */
    public int windowExceededErrors() {
        return windowExceeded.get();
    }

    /** Segment frames received so far, whatever they were for. */
    public int binaryFramesReceived() {
        return binaryFrames.get();
    }

    /** Stops sending heartbeats, as a frozen client would, leaving the socket open. */
    public void stopHeartbeat() {
        pinger.shutdownNow();
    }

    /** Drops the connection without a goodbye, as a crashed browser or a cut cable would. */
    public void abort() {
        pinger.shutdownNow();
        socket.abort();
        // The JDK's WebSocket tells its listener nothing of an abort: without this, a transfer under way would
        // wait out its answer timeouts before noticing there is no connection any more.
        closedReason.complete("aborted by this client");
        closed.complete(new int[] {1006});
    }

    @Override
    public void close() {
        pinger.shutdownNow();
        if (!socket.isOutputClosed()) {
            try {
                sendText("{\"type\":\"bye\"}").get(5, TimeUnit.SECONDS);
                socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").get(5, TimeUnit.SECONDS);
            } catch (Exception e) {
                socket.abort();
            }
        }
    }

    // ---------------------------------------------------------------- uploads

    /** How to upload; the defaults are what a normal client does. */
    public record UploadOptions(boolean declareSha256, String visibility, List<Integer> order, int stopAfter,
                                long lastModified, String contentType, String folderId) {

        public static UploadOptions defaults() {
            return new UploadOptions(false, null, null, Integer.MAX_VALUE, 1_700_000_000_000L, null, null);
        }

        public UploadOptions withSha256() {
            return new UploadOptions(true, visibility, order, stopAfter, lastModified, contentType, folderId);
        }

        public UploadOptions withVisibility(String v) {
            return new UploadOptions(declareSha256, v, order, stopAfter, lastModified, contentType, folderId);
        }

        /** Sends exactly these segment indexes, in this order (repeats allowed), instead of all in order. */
        public UploadOptions withOrder(List<Integer> segments) {
            return new UploadOptions(declareSha256, visibility, segments, stopAfter, lastModified, contentType,
                    folderId);
        }

        /** The file's modification time (epoch ms): with its name, size and first segment, what resumes it. */
        public UploadOptions withLastModified(long millis) {
            return new UploadOptions(declareSha256, visibility, order, stopAfter, millis, contentType, folderId);
        }

        public UploadOptions withContentType(String type) {
            return new UploadOptions(declareSha256, visibility, order, stopAfter, lastModified, type, folderId);
        }

        /** Puts the file in one of the caller's folders (its id) instead of the top of the drive. */
        public UploadOptions inFolder(String id) {
            return new UploadOptions(declareSha256, visibility, order, stopAfter, lastModified, contentType, id);
        }

        /** Stops after this many segments were acknowledged, leaving the upload unfinished. */
        public UploadOptions stoppingAfter(int segments) {
            return new UploadOptions(declareSha256, visibility, order, segments, lastModified, contentType, folderId);
        }
    }

    /** The outcome of {@link #upload}: the stored file, or the unfinished upload and what was skipped. */
    public record UploadResult(String uploadId, String fileId, String sha256, int segmentsSent, int segmentsSkipped,
                               JsonObject completion) {

        public boolean complete() {
            return fileId != null;
        }
    }

    /** Thrown when the server refuses an upload, a download or a segment for good (an {@code error} message). */
    public static final class TransferRefusedException extends ServerRefusedException {
        private final JsonObject error;

        TransferRefusedException(JsonObject error) {
            super(0, error.getString("error", "refused"), error.getString("message", error.toString()));
            this.error = error;
        }

        public JsonObject error() {
            return error;
        }
    }

    /** Thrown when no message the caller waits for arrives in time. */
    public static final class NoAnswerException extends RuntimeException {
        NoAnswerException(String message) {
            super(message);
        }
    }

    /** Thrown when the server closed the socket in the middle of a transfer; {@code 4401} means "sign in again". */
    public static final class ConnectionClosedException extends ServerRefusedException {
        ConnectionClosedException(int closeCode, String reason) {
            super(closeCode == 4401 ? 401 : 0, reason == null || reason.isEmpty() ? "closed_" + closeCode : reason,
                    "The server closed the connection (" + closeCode + (reason == null ? "" : " " + reason) + ").");
        }
    }

    public UploadResult upload(SegmentSource source, String name, UploadOptions options) {
        int segmentSize = segmentSize();
        long size = source.size();
        SegmentLayout layout = new SegmentLayout(size, segmentSize, segmentSize);
        int segmentCount = layout.segmentCount();
        String ref = "u" + System.nanoTime();
        String sha256 = options.declareSha256() ? sha256(source) : null;

        JsonObjectBuilder request = Json.createObjectBuilder()
                .add("type", "upload").add("ref", ref).add("name", name).add("size", size)
                .add("lastModified", options.lastModified());
        if (size > 0) {
            request.add("fingerprint", fingerprint(source, segmentSize));
        }
        if (sha256 != null) {
            request.add("sha256", sha256);
        }
        if (options.folderId() != null) {
            request.add("folderId", options.folderId());
        }
        if (options.visibility() != null) {
            request.add("visibility", options.visibility());
        }
        if (options.contentType() != null) {
            request.add("contentType", options.contentType());
        }
        LinkedBlockingQueue<JsonObject> replies = new LinkedBlockingQueue<>();
        Consumer<JsonObject> byRef = m -> {
            if (ref.equals(m.getString("ref", null))) {
                replies.add(m);
            }
        };
        textListeners.add(byRef);
        JsonObject ready;
        try {
            sendText(request.build().toString());
            ready = poll(replies);
        } finally {
            textListeners.remove(byRef);
        }
        switch (ready.getString("type")) {
            case "complete":
                return new UploadResult(ready.getString("uploadId"), ready.getString("fileId"),
                        ready.getString("sha256"), 0, 0, ready);
            case "error":
                throw new TransferRefusedException(ready);
            default:
                break;
        }
        String uploadId = ready.getString("uploadId");
        BitSet have = new BitSet(segmentCount);
        for (JsonArray range : ready.getJsonArray("have").getValuesAs(JsonArray.class)) {
            have.set(range.getInt(0), range.getInt(1) + 1);
        }
        List<Integer> order = options.order() != null ? options.order() : missing(have, segmentCount);
        long stored = have.stream().mapToLong(layout::segmentLength).sum();
        progress.progress(uploadId, stored, size);
        return sendSegments(source, uploadId, layout, order, have.cardinality(), stored, options.stopAfter());
    }

    private UploadResult sendSegments(SegmentSource source, String uploadId, SegmentLayout layout, List<Integer> order,
                                      int skipped, long stored, int stopAfter) {
        LinkedBlockingQueue<JsonObject> replies = new LinkedBlockingQueue<>();
        Consumer<JsonObject> byUpload = m -> {
            if (uploadId.equals(m.getString("uploadId", null))) {
                replies.add(m);
            }
        };
        textListeners.add(byUpload);
        try {
            ArrayDeque<Integer> toSend = new ArrayDeque<>(order);
            Map<Integer, Integer> attempts = new ConcurrentHashMap<>();
            long done = stored;
            // Sent and unanswered, by index, with how many copies are out (an order may repeat an index).
            Map<Integer, Integer> inFlight = new java.util.LinkedHashMap<>();
            Map<Integer, Long> sentAt = new java.util.HashMap<>();
            Map<Integer, Integer> busy = new java.util.HashMap<>();
            // Segments allowed in flight: the server's window, halved whenever it says it is busy, grown back
            // by one for every acknowledgement.
            int limit = window();
            int acknowledged = 0;
            int sent = 0;
            JsonObject completion = null;
            while (completion == null && (!toSend.isEmpty() || !inFlight.isEmpty())) {
                while (!toSend.isEmpty() && outstanding(inFlight) < limit && acknowledged + outstanding(inFlight) < stopAfter) {
                    int index = toSend.poll();
                    sendBinary(frame(source, uploadId, index, layout.segmentSize()));
                    sentAt.putIfAbsent(index, System.nanoTime());
                    inFlight.merge(index, 1, Integer::sum);
                    sent++;
                }
                if (inFlight.isEmpty()) {
                    break;
                }
                JsonObject reply = pollOrNull(replies, ANSWER_TIMEOUT);
                requireOpen();
                if (reply == null) {
                    // No answer for a while: answers can be lost with a connection's trouble. Segments are
                    // idempotent, so send the unanswered ones again.
                    for (int index : inFlight.keySet()) {
                        if (attempts.merge(index, 1, Integer::sum) >= MAX_ATTEMPTS) {
                            throw new IllegalStateException("No answer for segment " + index);
                        }
                        sendBinary(frame(source, uploadId, index, layout.segmentSize()));
                    }
                    continue;
                }
                switch (reply.getString("type")) {
                    case "ack" -> {
                        acknowledgements.accept(uploadId, reply.getInt("index"));
                        answered(inFlight, reply.getInt("index"));
                        limit = Math.min(window(), limit + 1);
                        Long started = sentAt.remove(reply.getInt("index"));
                        if (started != null) {
                            roundTrips.accept(System.nanoTime() - started);
                        }
                        if (!reply.getBoolean("repeat", false)) {
                            done += layout.segmentLength(reply.getInt("index"));
                            progress.progress(uploadId, done, layout.size());
                        }
                        acknowledged++;
                    }
                    case "complete" -> completion = reply;
                    case "error" -> {
                        if (!"segment".equals(reply.getString("request", ""))) {
                            throw new TransferRefusedException(reply);
                        }
                        answered(inFlight, reply.getInt("index"));
                        int index = reply.getInt("index");
                        if (isBackPressure(reply)) {
                            limit = Math.max(1, limit / 2);
                            backOff(busy, index);
                        } else if (!reply.getBoolean("retry", false) || attempts.merge(index, 1, Integer::sum) >= MAX_ATTEMPTS) {
                            throw new TransferRefusedException(reply);
                        } else {
                            sleep(retryPause(attempts.get(index)));
                        }
                        toSend.addFirst(index);
                    }
                    default -> {
                    }
                }
            }
            if (completion == null && acknowledged >= stopAfter) {
                return new UploadResult(uploadId, null, null, sent, skipped, null);
            }
            if (completion == null) {
                // Everything sent; the completion may still be on its way.
                completion = await(m -> uploadId.equals(m.getString("uploadId", null))
                        && "complete".equals(m.getString("type", "")), REPLY_TIMEOUT);
            }
            return new UploadResult(uploadId, completion.getString("fileId"), completion.getString("sha256"), sent,
                    skipped, completion);
        } finally {
            textListeners.remove(byUpload);
        }
    }

    private static int outstanding(Map<Integer, Integer> inFlight) {
        return inFlight.values().stream().mapToInt(Integer::intValue).sum();
    }

    private static void answered(Map<Integer, Integer> inFlight, int index) {
        inFlight.computeIfPresent(index, (i, copies) -> copies > 1 ? copies - 1 : null);
    }

    /**
     * An upload frame for segment {@code index}, with its CRC32C. An index past the file's end makes a frame with
     * no bytes (tests send such frames on purpose).
     */
    public static byte[] frame(SegmentSource source, String uploadId, int index, int segmentSize) {
        long offset = (long) index * segmentSize;
        int length = (int) Math.max(0, Math.min(segmentSize, source.size() - offset));
        byte[] frame = new byte[SegmentFrame.HEADER_BYTES + length];
        source.read(offset, frame, SegmentFrame.HEADER_BYTES, length);
        SegmentFrame.seal(frame, SegmentFrame.Kind.UPLOAD, uploadId, index, length);
        return frame;
    }

    public static String fingerprint(SegmentSource source, int segmentSize) {
        int length = (int) Math.min(segmentSize, source.size());
        byte[] first = new byte[length];
        source.read(0, first, 0, length);
        CRC32C crc = new CRC32C();
        crc.update(first);
        return String.format("%08x", crc.getValue());
    }

    private static List<Integer> missing(BitSet have, int segmentCount) {
        List<Integer> missing = new ArrayList<>(segmentCount);
        for (int i = have.nextClearBit(0); i < segmentCount; i = have.nextClearBit(i + 1)) {
            missing.add(i);
        }
        return missing;
    }

    // ---------------------------------------------------------------- downloads

    /** What a download delivered. */
    public record Download(JsonObject info, String sha256) {
    }

    /** Downloads a file into {@code target} (created or overwritten) and checks its SHA-256. */
    public Download download(String fileId, Path target) {
        try (FileChannel out = FileChannel.open(target, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.READ)) {
            JsonObject info = download(fileId, (position, bytes) -> {
                try {
                    while (bytes.hasRemaining()) {
                        out.write(bytes, position + bytes.position());
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            out.force(false);
            MessageDigest sha = sha256Digest();
            ByteBuffer buffer = ByteBuffer.allocate(1 << 20);
            for (long position = 0; out.read(buffer, position) > 0; position += buffer.position(), buffer.clear()) {
                buffer.flip();
                sha.update(buffer);
            }
            return verified(info, HexFormat.of().formatHex(sha.digest()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Downloads a file into memory and checks its SHA-256. */
    public byte[] downloadBytes(String fileId) {
        byte[][] holder = new byte[1][];
        JsonObject info = download(fileId, (position, bytes) -> bytes.get(holder[0], (int) position, bytes.remaining()),
                size -> holder[0] = new byte[(int) (long) size]);
        byte[] data = holder[0] == null ? new byte[0] : holder[0];
        verified(info, HexFormat.of().formatHex(sha256Digest().digest(data)));
        return data;
    }

    /** Where downloaded segments go. */
    public interface SegmentSink {
        void write(long position, ByteBuffer bytes);
    }

    public JsonObject download(String fileId, SegmentSink sink) {
        return download(fileId, sink, size -> {
        });
    }

    private JsonObject download(String fileId, SegmentSink sink, Consumer<Long> sized) {
        String ref = "d" + System.nanoTime();
        LinkedBlockingQueue<Object> events = new LinkedBlockingQueue<>();
        Consumer<JsonObject> listener = m -> {
            if (ref.equals(m.getString("ref", null)) || fileId.equals(m.getString("fileId", null))
                    && "error".equals(m.getString("type", ""))) {
                events.add(m);
            }
        };
        textListeners.add(listener);
        downloads.put(fileId, events::add);
        try {
            sendText(Json.createObjectBuilder().add("type", "download").add("ref", ref).add("fileId", fileId)
                    .build().toString());
            JsonObject info = (JsonObject) pollAny(events);
            if (!"download-ready".equals(info.getString("type"))) {
                throw new TransferRefusedException(info);
            }
            long size = info.getJsonNumber("size").longValue();
            sized.accept(size);
            int segmentCount = info.getInt("segmentCount");
            long segmentSize = info.getInt("segmentSize");
            long bytesReceived = 0;
            progress.progress(fileId, 0, size);
            ArrayDeque<Integer> toGet = new ArrayDeque<>();
            for (int i = 0; i < segmentCount; i++) {
                toGet.add(i);
            }
            Map<Integer, Integer> attempts = new ConcurrentHashMap<>();
            java.util.Set<Integer> inFlight = new java.util.LinkedHashSet<>();
            Map<Integer, Long> askedAt = new java.util.HashMap<>();
            Map<Integer, Integer> busy = new java.util.HashMap<>();
            java.util.BitSet done = new java.util.BitSet(segmentCount);
            int received = 0;
            while (received < segmentCount) {
                while (!toGet.isEmpty() && inFlight.size() < window()) {
                    int index = toGet.poll();
                    sendText("{\"type\":\"get\",\"fileId\":\"" + fileId + "\",\"index\":" + index + "}");
                    askedAt.putIfAbsent(index, System.nanoTime());
                    inFlight.add(index);
                }
                Object event = pollOrNull(events, ANSWER_TIMEOUT);
                requireOpen();
                if (event == null) {
                    // No answer for a while: ask again for everything unanswered.
                    for (int index : inFlight) {
                        if (attempts.merge(index, 1, Integer::sum) >= MAX_ATTEMPTS) {
                            throw new IllegalStateException("No answer for segment " + index);
                        }
                        sendText("{\"type\":\"get\",\"fileId\":\"" + fileId + "\",\"index\":" + index + "}");
                    }
                    continue;
                }
                if (event instanceof ReceivedSegment segment) {
                    ByteBuffer frame = segment.frame();
                    SegmentFrame.Header header = segment.header();
                    int index = header.index();
                    inFlight.remove(index);
                    if (done.get(index)) {
                        continue;
                    }
                    if (!SegmentFrame.intact(frame, header)) {
                        retry(toGet, attempts, busy, index, null);
                        continue;
                    }
                    ByteBuffer payload = frame.slice(frame.position() + SegmentFrame.HEADER_BYTES, header.payloadLength());
                    sink.write(index * segmentSize, payload);
                    bytesReceived += header.payloadLength();
                    progress.progress(fileId, bytesReceived, size);
                    Long asked = askedAt.remove(index);
                    if (asked != null) {
                        roundTrips.accept(System.nanoTime() - asked);
                    }
                    done.set(index);
                    received++;
                } else {
                    JsonObject error = (JsonObject) event;
                    inFlight.remove(error.getInt("index", -1));
                    retry(toGet, attempts, busy, error.getInt("index", -1), error);
                }
            }
            return info;
        } finally {
            textListeners.remove(listener);
            downloads.remove(fileId);
        }
    }

    /**
     * An error marked {@code backoff} is the server asking to slow down, not a failure: it does not count as an
     * attempt; the segment is sent again after a backoff that grows to 2 s, and the window shrinks.
     */
    private boolean isBackPressure(JsonObject error) {
        if (error.getString("error", "").equals("window_exceeded")) {
            windowExceeded.incrementAndGet();
        }
        return error.getBoolean("backoff", false);
    }

    private static void backOff(Map<Integer, Integer> busy, int index) {
        int times = busy.merge(index, 1, Integer::sum);
        if (times > 1000) {
            throw new IllegalStateException("The server stayed busy for segment " + index);
        }
        sleep(Math.min(2000L, 25L << Math.min(times, 7)));
    }

    private void retry(ArrayDeque<Integer> toGet, Map<Integer, Integer> attempts, Map<Integer, Integer> busy,
                              int index, JsonObject error) {
        if (error != null && isBackPressure(error)) {
            backOff(busy, index);
            toGet.addFirst(index);
            return;
        }
        if ((error != null && !error.getBoolean("retry", false)) || index < 0
                || attempts.merge(index, 1, Integer::sum) >= MAX_ATTEMPTS) {
            throw error == null ? new IllegalStateException("Segment " + index + " kept arriving damaged")
                    : new TransferRefusedException(error);
        }
        sleep(retryPause(attempts.get(index)));
        toGet.addFirst(index);
    }

    private static Download verified(JsonObject info, String sha256) {
        if (!sha256.equals(info.getString("sha256"))) {
            throw new IllegalStateException("Downloaded SHA-256 " + sha256 + " but the server stored " + info.getString("sha256"));
        }
        return new Download(info, sha256);
    }

    // ---------------------------------------------------------------- plumbing

    /** Fails fast, with the server's reason, once the server has closed the socket. */
    private void requireOpen() {
        if (closed.isDone()) {
            throw new ConnectionClosedException(closed.join()[0], closeReason());
        }
    }

    /** The pause before a retryable segment's next try: 0.25 s doubling with each failed try. */
    private static long retryPause(int attempts) {
        return 250L << Math.min(attempts, MAX_ATTEMPTS);
    }

    /**
     * The next item within the timeout, or null; null at once when the connection has closed, so a transfer whose
     * socket is gone fails with the reason (the caller's {@link #requireOpen()}) instead of waiting out the timeout.
     */
    private <T> T pollOrNull(LinkedBlockingQueue<T> queue, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            for (long left = timeout.toNanos(); left > 0 && !closed.isDone(); left = deadline - System.nanoTime()) {
                T next = queue.poll(Math.min(left, CLOSE_CHECK.toNanos()), TimeUnit.NANOSECONDS);
                if (next != null) {
                    return next;
                }
            }
            return queue.poll();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonObject poll(LinkedBlockingQueue<JsonObject> replies) {
        return (JsonObject) pollAny(replies);
    }

    @SuppressWarnings("unchecked")
    private static Object pollAny(LinkedBlockingQueue<?> queue) {
        try {
            Object next = queue.poll(REPLY_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            if (next == null) {
                throw new IllegalStateException("No answer from the server within " + REPLY_TIMEOUT);
            }
            return next;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static String sha256(SegmentSource source) {
        MessageDigest sha = sha256Digest();
        byte[] buffer = new byte[1 << 20];
        for (long position = 0; position < source.size(); position += buffer.length) {
            int length = (int) Math.min(buffer.length, source.size() - position);
            source.read(position, buffer, 0, length);
            sha.update(buffer, 0, length);
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    private static MessageDigest sha256Digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void received(JsonObject message) {
        inbox.add(message);
        textListeners.forEach(l -> l.accept(message));
    }

    private void receivedBinary(ByteBuffer frame) {
        binaryFrames.incrementAndGet();
        SegmentFrame.Header header;
        try {
            header = SegmentFrame.read(frame, SegmentFrame.Kind.DOWNLOAD);
        } catch (SegmentFrame.MalformedFrameException e) {
            return;
        }
        Consumer<ReceivedSegment> sink = downloads.get(header.id());
        if (sink != null) {
            sink.accept(new ReceivedSegment(header, frame));
        }
    }

    /** A download frame and its header, read once when it arrives. */
    private record ReceivedSegment(SegmentFrame.Header header, ByteBuffer frame) {
    }

    /** Collects whole messages from the socket's fragments. */
    private static final class Listener implements WebSocket.Listener {
        final CompletableFuture<JsonObject> firstMessage = new CompletableFuture<>();
        volatile TransferClient client;
        private final List<JsonObject> early = new ArrayList<>();
        private final StringBuilder text = new StringBuilder();
        private final List<ByteBuffer> parts = new ArrayList<>();
        private int[] closeBeforeClient;

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            try {
                text.append(data);
                if (last) {
                    JsonObject message = Json.createReader(new StringReader(text.toString())).readObject();
                    text.setLength(0);
                    deliver(message);
                }
            } catch (RuntimeException e) {
                // A listener's bug must not stop the socket from reading.
                e.printStackTrace();
            } finally {
                webSocket.request(1);
            }
            return null;
        }

        @Override
        public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
            try {
                binaryPart(data, last);
            } catch (RuntimeException e) {
                e.printStackTrace();
            } finally {
                webSocket.request(1);
            }
            return null;
        }

        private void binaryPart(ByteBuffer data, boolean last) {
            if (last && parts.isEmpty()) {
                // The usual case: the whole frame in one piece.
                deliverBinary(ByteBuffer.allocate(data.remaining()).put(data).flip());
            } else {
                parts.add(ByteBuffer.allocate(data.remaining()).put(data).flip());
                if (last) {
                    ByteBuffer frame = ByteBuffer.allocate(parts.stream().mapToInt(ByteBuffer::remaining).sum());
                    parts.forEach(frame::put);
                    parts.clear();
                    deliverBinary(frame.flip());
                }
            }
        }

        private void deliverBinary(ByteBuffer frame) {
            if (client != null) {
                client.receivedBinary(frame);
            }
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            synchronized (this) {
                if (client == null) {
                    closeBeforeClient = new int[] {statusCode};
                    firstMessage.complete(Json.createObjectBuilder().add("type", "closed").add("code", statusCode)
                            .add("reason", reason).build());
                    early.add(null);
                    earlyReason = reason;
                    return null;
                }
            }
            client.closedReason.complete(reason);
            client.closed.complete(new int[] {statusCode});
            return null;
        }

        private String earlyReason;

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            synchronized (this) {
                if (client == null) {
                    firstMessage.completeExceptionally(error);
                    return;
                }
            }
            client.closedReason.complete(String.valueOf(error));
            client.closed.complete(new int[] {1006});
        }

        private synchronized void deliver(JsonObject message) {
            if (!firstMessage.isDone()) {
                firstMessage.complete(message);
                return;
            }
            if (client == null) {
                early.add(message);
            } else {
                client.received(message);
            }
        }

        /** Hands the client what arrived between the welcome and the client's creation. */
        synchronized void replay() {
            for (JsonObject message : early) {
                if (message != null) {
                    client.received(message);
                }
            }
            early.clear();
            if (closeBeforeClient != null) {
                client.closedReason.complete(earlyReason);
                client.closed.complete(closeBeforeClient);
            }
        }
    }
}
