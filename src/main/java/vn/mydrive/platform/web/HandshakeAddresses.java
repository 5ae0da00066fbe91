package vn.mydrive.platform.web;

import jakarta.inject.Inject;
import jakarta.servlet.ServletRequestEvent;
import jakarta.servlet.ServletRequestListener;
import jakarta.servlet.annotation.WebListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

/**
 * Makes a WebSocket client's address available to its endpoint. The WebSocket API hides the peer's address,
 * but hands the endpoint the handshake's HTTP session, so the address is put there as the request arrives.
 */
@WebListener
public class HandshakeAddresses implements ServletRequestListener {

    /** HTTP session attribute holding the address of the last WebSocket handshake in that session. */
    public static final String ATTRIBUTE = "vn.mydrive.handshake.address";

    @Inject
    ClientAddresses clientAddresses;

    @Override
    public void requestInitialized(ServletRequestEvent event) {
        if (event.getServletRequest() instanceof HttpServletRequest request
                && request.getServletPath().startsWith("/ws/")) {
            request.getSession(true).setAttribute(ATTRIBUTE, clientAddresses.of(request));
        }
    }

    /** The address stored for a handshake's session, or "unknown". */
    public static String of(Object httpSession) {
        if (httpSession instanceof HttpSession session && session.getAttribute(ATTRIBUTE) instanceof String address) {
            return address;
        }
        return "unknown";
    }
}
