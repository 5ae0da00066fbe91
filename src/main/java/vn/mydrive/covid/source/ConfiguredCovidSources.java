package vn.mydrive.covid.source;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.mydrive.covid.CovidSource;
import vn.mydrive.covid.CovidSources;

/** The sources a refresh reads, in order, as configured (docs/configuration.md, "COVID sources"). */
@ApplicationScoped
public class ConfiguredCovidSources implements CovidSources {

    @Inject
    @ConfigProperty(name = "mydrive.covid.sources")
    Optional<String> enabled;

    @Inject
    @ConfigProperty(name = "mydrive.covid.portal.url")
    String portalUrl;

    @Inject
    @ConfigProperty(name = "mydrive.covid.table.url")
    String tableUrl;

    @Inject
    @ConfigProperty(name = "mydrive.covid.bulletin.urls")
    Optional<String> bulletinUrls;

    @Inject
    @ConfigProperty(name = "mydrive.covid.bulletin.max-pages")
    int bulletinMaxPages;

    @Inject
    @ConfigProperty(name = "mydrive.covid.fetch-timeout")
    Duration timeout;

    @Override
    public List<CovidSource> enabled() {
        List<CovidSource> sources = new ArrayList<>();
        for (String name : split(enabled)) {
            switch (name) {
                case "portal" -> sources.add(new PortalApiSource(portalUrl, timeout));
                case "table" -> sources.add(new ProvinceTableSource(tableUrl, timeout));
                case "bulletin" -> {
                    List<String> urls = split(bulletinUrls);
                    if (!urls.isEmpty()) {
                        sources.add(new BulletinSource(urls, timeout, bulletinMaxPages));
                    }
                }
                default -> throw new IllegalArgumentException("Unknown COVID source in mydrive.covid.sources: " + name);
            }
        }
        return sources;
    }

    private static List<String> split(Optional<String> list) {
        return list.map(value -> Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList())
                .orElse(List.of());
    }
}
