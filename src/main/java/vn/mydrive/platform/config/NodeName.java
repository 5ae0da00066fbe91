package vn.mydrive.platform.config;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.UUID;

/** This server's name in a cluster: its host name and a random suffix, stable for the life of the process. */
public final class NodeName {

    private static final String NAME = host() + "/" + UUID.randomUUID().toString().substring(0, 6);

    private NodeName() {
    }

    public static String get() {
        return NAME;
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "node";
        }
    }
}
