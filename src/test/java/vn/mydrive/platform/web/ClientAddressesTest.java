package vn.mydrive.platform.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ClientAddressesTest {

    @Test
    void forwardedForIsIgnoredFromUntrustedPeers() {
        ClientAddresses addresses = new ClientAddresses();
        addresses.trustedProxyList = Optional.empty();
        addresses.parse();

        assertEquals("203.0.113.9", addresses.resolve("203.0.113.9", "10.0.0.1"));
    }

    @Test
    void aTrustedProxyGivesTheLastHopItSaw() {
        ClientAddresses addresses = new ClientAddresses();
        addresses.trustedProxyList = Optional.of("127.0.0.1, 10.0.0.5");
        addresses.parse();

        assertEquals("198.51.100.7", addresses.resolve("127.0.0.1", "1.2.3.4, 198.51.100.7"));
        assertEquals("127.0.0.1", addresses.resolve("127.0.0.1", "<script>"));
        assertEquals("127.0.0.1", addresses.resolve("127.0.0.1", ""));
    }
}
