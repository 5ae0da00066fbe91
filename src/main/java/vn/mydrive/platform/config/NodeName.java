package vn.mydrive.platform.config;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.UUID;

/**
 * This server's name in a cluster: its host name and a random suffix, stable for the life of the process. Kept in a
 * system property, not only in this class: each deployment of the app loads this class anew, and a redeployed app
 * must be the same node, so that it takes back what its previous deployment held (a refresh lease left behind by an
 * undeploy mid-refresh blocked every refresh for the lease's 15 minutes).
 */
public final class NodeName {

    private static final String PROPERTY = "mydrive.node-name";
    private static final String NAME = processWide();

    private NodeName() {
    }

    public static String get() {
        return NAME;
    }

    private static String processWide() {
        synchronized (System.class) {
            String name = System.getProperty(PROPERTY);
            if (name == null || name.isBlank()) {
                name = host() + "/" + UUID.randomUUID().toString().substring(0, 6);
                System.setProperty(PROPERTY, name);
            }
            return name;
        }
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "node";
        }
    }
}
