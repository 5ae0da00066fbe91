package vn.mydrive.covid;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only once the COVID data is loaded, so no lookup is answered from an empty data set. */
@Readiness
@ApplicationScoped
public class CovidHealth implements HealthCheck {

    @Inject
    CovidData data;

    @Override
    public HealthCheckResponse call() {
        CovidDataset current = data.current();
        return HealthCheckResponse.named("covid-data")
                .status(data.isLoaded())
                .withData("rows", current.rowCount())
                .withData("source", String.valueOf(current.freshness().source()))
                .build();
    }
}
