package vn.mydrive.platform.health;

import jakarta.enterprise.context.ApplicationScoped;
import java.lang.management.ManagementFactory;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/** Alive as long as the app answers at all; reports its uptime. */
@Liveness
@ApplicationScoped
public class Alive implements HealthCheck {

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("mydrive")
                .up()
                .withData("uptimeSeconds", ManagementFactory.getRuntimeMXBean().getUptime() / 1000)
                .build();
    }
}
