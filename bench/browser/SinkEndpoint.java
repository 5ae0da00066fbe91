package vn.mydrive.bench.browser;

import jakarta.websocket.OnMessage;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;
import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * The browser's own ceiling for bench/browser.sh: a socket that only counts the bytes it is sent and, when
 * told "done", answers how many. Deployed next to MyDrive as a bench-only WAR; not part of MyDrive.
 */
@ServerEndpoint("/sink")
public class SinkEndpoint {

    private long bytes;

    @OnMessage(maxMessageSize = 4 * 1024 * 1024)
    public void binary(ByteBuffer data) {
        bytes += data.remaining();
    }

    @OnMessage
    public void text(Session session, String message) throws IOException {
        session.getBasicRemote().sendText(Long.toString(bytes));
    }
}
