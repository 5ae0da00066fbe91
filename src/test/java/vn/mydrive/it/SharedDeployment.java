package vn.mydrive.it;

import org.jboss.arquillian.container.spi.ContainerRegistry;
import org.jboss.arquillian.container.spi.client.deployment.Deployment;
import org.jboss.arquillian.container.spi.client.deployment.DeploymentDescription;
import org.jboss.arquillian.container.spi.client.deployment.DeploymentScenario;
import org.jboss.arquillian.container.spi.event.DeployManagedDeployments;
import org.jboss.arquillian.container.spi.event.UnDeployDeployment;
import org.jboss.arquillian.container.spi.event.UnDeployManagedDeployments;
import org.jboss.arquillian.container.spi.event.container.BeforeStop;
import org.jboss.arquillian.core.api.Event;
import org.jboss.arquillian.core.api.Instance;
import org.jboss.arquillian.core.api.InstanceProducer;
import org.jboss.arquillian.core.api.annotation.Inject;
import org.jboss.arquillian.core.api.annotation.Observes;
import org.jboss.arquillian.core.spi.EventContext;
import org.jboss.arquillian.core.spi.LoadableExtension;
import org.jboss.arquillian.test.spi.annotation.ClassScoped;
import org.jboss.shrinkwrap.api.Archive;

/**
 * Keeps the built WAR deployed from the first test class that deploys it to the end of the suite, instead of an
 * undeploy and a deploy between every two classes (about 6 s a class on either server, some four minutes a suite).
 * The test classes all declare the same deployment, {@link Deployments#builtWar()} as it is, managed and run as a
 * client; a class that declares it runs against the WAR already there. A class with any other deployment (such as
 * {@link RedeployResumeIT}'s, which it deploys and undeploys itself) gets the server to itself: the shared WAR is
 * undeployed first and deployed again by the next class that declares it.
 *
 * <p>Nothing a test relies on is lost by this: the app keeps its data in the store, which outlived every redeploy
 * already; what it keeps in memory (open sockets, metrics, the COVID figures) carries over from class to class as it
 * does on a server people use. Registered in {@code META-INF/services}; Arquillian's own deploy and undeploy do the
 * work, this only decides when.
 */
public class SharedDeployment implements LoadableExtension {

    @Override
    public void register(ExtensionBuilder builder) {
        builder.observer(Keeper.class);
    }

    /** Arquillian's observer: lets a class's deploy and undeploy through, or points the class at the shared WAR. */
    public static class Keeper {

        @Inject
        @ClassScoped
        private InstanceProducer<DeploymentScenario> scenario;

        @Inject
        private Instance<ContainerRegistry> containers;

        @Inject
        private Event<UnDeployDeployment> undeploy;

        /** The deployed scenario classes share, or null when none is deployed. */
        private DeploymentScenario shared;

        private Archive<?> builtWar;

        public void deployOnce(@Observes EventContext<DeployManagedDeployments> context) {
            DeploymentScenario own = scenario.get();
            if (!isTheBuiltWar(own)) {
                undeployShared();
                context.proceed();
            } else if (shared != null) {
                scenario.set(shared);
            } else {
                context.proceed();
                shared = own;
            }
        }

        public void keepDeployed(@Observes EventContext<UnDeployManagedDeployments> context) {
            if (shared == null || scenario.get() != shared) {
                context.proceed();
            }
        }

        public void undeployAtTheEnd(@Observes BeforeStop event) {
            undeployShared();
        }

        private void undeployShared() {
            if (shared == null) {
                return;
            }
            for (Deployment deployment : shared.deployedDeploymentsInUnDeployOrder()) {
                undeploy.fire(new UnDeployDeployment(
                        containers.get().getContainer(deployment.getDescription().getTarget()), deployment));
            }
            shared = null;
        }

        /** One managed deployment, reached as a client, of the WAR as it was built (nothing added, nothing left out). */
        private boolean isTheBuiltWar(DeploymentScenario scenario) {
            if (scenario == null || scenario.deployments().size() != 1) {
                return false;
            }
            DeploymentDescription description = scenario.deployments().get(0).getDescription();
            if (builtWar == null) {
                builtWar = Deployments.builtWar();
            }
            return description.managed() && !description.testable() && description.isArchiveDeployment()
                    && description.getArchive().getName().equals(builtWar.getName())
                    && description.getArchive().getContent().keySet().equals(builtWar.getContent().keySet());
        }
    }
}
