package vn.mydrive.platform.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import vn.mydrive.platform.store.MongoStore;

/** Ready only while the store answers a ping. */
@Readiness
@ApplicationScoped
public class StoreHealth implements HealthCheck {

    @Inject
    MongoStore store;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("store")
                .status(store.answers())
                .withData("store", store.description())
                .build();
    }
}
