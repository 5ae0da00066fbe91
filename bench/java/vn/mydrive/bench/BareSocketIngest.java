package vn.mydrive.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The server's cost of only receiving a file over a WebSocket: the same bytes the app's upload carries, in 1 MiB
 * masked binary messages from the JDK's client (the one MyDrive's Java client uses), into a sink that counts them
 * and keeps nothing (bench/browser/SinkEndpoint.java, deployed by bench/sink.sh). Issue 17's CPU target for the
 * upload is "driver write + bare-socket ingest + 3 s", so this runs in the same round as both.
 */
final class BareSocketIngest {

    private final URI sink;

    BareSocketIngest(URI sink) {
        this.sink = sink;
    }

    /** The sink's address beside the app's: {@code ws://host:port/sink/sink}. */
    static URI beside(URI app) {
        return URI.create("ws://" + app.getAuthority() + "/sink/sink");
    }

    /** Sends the file and waits until the sink has counted every byte. */
    void send(Path file, long size) throws Exception {
        CompletableFuture<String> counted = new CompletableFuture<>();
        WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder()
                .buildAsync(sink, new WebSocket.Listener() {
                    @Override
                    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                        counted.complete(data.toString());
                        return null;
                    }

                    @Override
                    public void onError(WebSocket webSocket, Throwable error) {
                        counted.completeExceptionally(error);
                    }
                }).join();
        ByteBuffer buffer = ByteBuffer.allocate(1 << 20);
        try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
            // One message outstanding at a time, as the JDK's client requires; the socket's buffer pipelines them.
            while (in.read(buffer.clear()) > 0) {
                socket.sendBinary(buffer.flip(), true).join();
            }
        }
        socket.sendText("done", true).join();
        String bytes = counted.get();
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "").join();
        if (Long.parseLong(bytes) != size) {
            throw new IllegalStateException("the sink counted " + bytes + " bytes of " + size);
        }
    }
}
