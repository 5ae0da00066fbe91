package vn.mydrive.monitor;

import vn.mydrive.platform.config.NodeName;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.ServletContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Instant;
import java.util.Properties;
import vn.mydrive.platform.store.MongoStore;

/** What an admin needs to know about this server: its name and address, versions, store, uptime. */
@ApplicationScoped
public class ServerFacts {

    /** The facts, as shown on the admin page and by the API. */
    public record Facts(String node, String address, String serverInfo, String appVersion, String javaVersion,
                        String store, Instant startedAt) {
    }

    @Inject
    ServletContext servletContext;

    @Inject
    MongoStore store;

    private final Instant startedAt = Instant.now();

    public Facts facts() {
        return new Facts(NodeName.get(), address(), servletContext.getServerInfo(), appVersion(),
                System.getProperty("java.version"), store.description(), startedAt);
    }

    private static String address() {
        try {
            return InetAddress.getLocalHost().getHostAddress();
        } catch (UnknownHostException e) {
            return "unknown";
        }
    }

    private static String appVersion() {
        try (InputStream in = ServerFacts.class.getResourceAsStream("/vn/mydrive/version.properties")) {
            Properties properties = new Properties();
            if (in != null) {
                properties.load(in);
            }
            return properties.getProperty("version", "unknown");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
