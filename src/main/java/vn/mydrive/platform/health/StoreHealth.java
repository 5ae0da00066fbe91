package vn.mydrive.platform.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;
import vn.mydrive.platform.store.MongoStore;

/** Ready only while the store answers a ping and reports nothing wrong; when it does, readiness says what. */
@Readiness
@ApplicationScoped
public class StoreHealth implements HealthCheck {

    @Inject
    MongoStore store;

    @Override
    public HealthCheckResponse call() {
        Optional<String> problem = store.problem();
        HealthCheckResponseBuilder response = HealthCheckResponse.named("store")
                .status(problem.isEmpty() && store.answers())
                .withData("store", store.description());
        problem.ifPresent(p -> response.withData("problem", p));
        return response.build();
    }
}
