package vn.mydrive.drive.transfer;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.server.ServerContainer;
import java.util.logging.Logger;

/**
 * Makes sure the transfer socket is deployed even where the container's scan missed it. On Payara, Mojarra
 * starts Tyrus itself when Faces push is enabled (the admin page uses it), with no application endpoints,
 * and Tyrus's own scan then finds the container already started and deploys nothing: {@code /ws/transfer}
 * answered 404. Registering the annotated class once more is harmless where the scan did find it: Undertow
 * (WildFly) takes the second registration of the same class (one endpoint serves the path; the WildFly suite
 * runs with it), and Tyrus refuses it with a {@link DeploymentException}, which is ignored.
 */
@WebListener
public class TransferEndpointRegistration implements ServletContextListener {

    private static final Logger LOG = Logger.getLogger(TransferEndpointRegistration.class.getName());

    @Override
    public void contextInitialized(ServletContextEvent event) {
        ServerContainer container = (ServerContainer) event.getServletContext().getAttribute(ServerContainer.class.getName());
        if (container == null) {
            LOG.warning("No WebSocket container: the transfer socket is not available.");
            return;
        }
        try {
            container.addEndpoint(TransferEndpoint.class);
            LOG.info("Registered the transfer socket with the WebSocket container.");
        } catch (DeploymentException alreadyDeployed) {
            LOG.fine("The WebSocket container had already deployed the transfer socket.");
        }
    }
}
