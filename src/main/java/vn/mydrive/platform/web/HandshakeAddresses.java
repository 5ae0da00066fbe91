package vn.mydrive.platform.web;

import jakarta.inject.Inject;
import jakarta.servlet.ServletRequestEvent;
import jakarta.servlet.ServletRequestListener;
import jakarta.servlet.annotation.WebListener;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Makes a WebSocket client's address available to its endpoint's configurator. The WebSocket API hides the
 * peer's address; but the handshake is an HTTP request, and both servers run the endpoint's
 * {@code modifyHandshake} on that request's own thread, inside its filter chain. So the address is held for the
 * request's thread while it lasts, and no HTTP session is created for it (a handshake is not a visit).
 */
@WebListener
public class HandshakeAddresses implements ServletRequestListener {

    private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();

    @Inject
    ClientAddresses clientAddresses;

    @Override
    public void requestInitialized(ServletRequestEvent event) {
        if (event.getServletRequest() instanceof HttpServletRequest request
                && request.getServletPath().startsWith("/ws/")) {
            CURRENT.set(clientAddresses.of(request));
        }
    }

    @Override
    public void requestDestroyed(ServletRequestEvent event) {
        CURRENT.remove();
    }

    /** The address of the handshake being handled on this thread, or "unknown". */
    public static String current() {
        String address = CURRENT.get();
        return address == null ? "unknown" : address;
    }
}
