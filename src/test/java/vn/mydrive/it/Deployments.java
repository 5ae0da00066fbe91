package vn.mydrive.it;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The WAR the build produced, deployed as it is: tests exercise exactly what ships. */
public final class Deployments {

    private Deployments() {
    }

    /**
     * The deployment's address over loopback, whatever host name the server reported (Payara Micro reports
     * the machine's address). Browsers treat loopback as a secure context, as they would the HTTPS a real
     * deployment runs behind, so downloads are not blocked as insecure.
     */
    public static String loopback(java.net.URL deployment) {
        String path = deployment.getPath().endsWith("/") ? deployment.getPath() : deployment.getPath() + "/";
        return "http://127.0.0.1:" + deployment.getPort() + path;
    }

    public static WebArchive builtWar() {
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File(System.getProperty("mydrive.war")));
    }
}
