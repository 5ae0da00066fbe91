package vn.mydrive.drive.transfer;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.websocket.HandshakeResponse;
import jakarta.websocket.server.HandshakeRequest;
import jakarta.websocket.server.ServerEndpointConfig;
import java.util.List;
import java.util.Map;
import vn.mydrive.platform.security.TokenTransport;
import vn.mydrive.platform.web.HandshakeAddresses;

/**
 * Hands what the endpoint needs from the HTTP handshake over to the WebSocket session: the token (to check,
 * before every request, that its session still lives), the client's address, and the browser tab the page names
 * ({@code ?tab=}, to tell a move to another page from a page closed). The handshake itself was
 * already authenticated, and its origin checked, by the app's authentication mechanism. Since WebSocket 2.1
 * these user properties are a copy per connection.
 */
public class TransferHandshake extends ServerEndpointConfig.Configurator {

    static final String TOKEN = "vn.mydrive.transfer.token";
    static final String ADDRESS = "vn.mydrive.transfer.address";
    static final String TAB = "vn.mydrive.transfer.tab";
    private static final java.util.regex.Pattern TAB_ID = java.util.regex.Pattern.compile("[A-Za-z0-9-]{1,36}");

    @Override
    public void modifyHandshake(ServerEndpointConfig config, HandshakeRequest request, HandshakeResponse response) {
        TokenTransport transport = CDI.current().select(TokenTransport.class).get();
        Map<String, List<String>> headers = request.getHeaders();
        transport.find(header(headers, "Authorization", false), header(headers, "Cookie", true))
                .ifPresent(token -> config.getUserProperties().put(TOKEN, token.token()));
        config.getUserProperties().put(ADDRESS, HandshakeAddresses.current());
        List<String> tab = request.getParameterMap().get("tab");
        if (tab != null && tab.size() == 1 && TAB_ID.matcher(tab.get(0)).matches()) {
            config.getUserProperties().put(TAB, tab.get(0));
        } else {
            config.getUserProperties().remove(TAB);
        }
    }

    /** A header's value (header names are case-insensitive); several Cookie headers are one list. */
    private static String header(Map<String, List<String>> headers, String name, boolean joinAll) {
        for (Map.Entry<String, List<String>> header : headers.entrySet()) {
            if (header.getKey().equalsIgnoreCase(name) && !header.getValue().isEmpty()) {
                return joinAll ? String.join("; ", header.getValue()) : header.getValue().get(0);
            }
        }
        return null;
    }
}
