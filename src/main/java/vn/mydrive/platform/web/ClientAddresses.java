package vn.mydrive.platform.web;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The address of the client behind a request. {@code X-Forwarded-For} is believed only when the request comes
 * from a configured reverse proxy; otherwise any client could pick the address it is throttled and logged by.
 */
@ApplicationScoped
public class ClientAddresses {

    @Inject
    @ConfigProperty(name = "mydrive.http.trusted-proxies")
    Optional<String> trustedProxyList;

    private Set<String> trustedProxies = Set.of();

    @PostConstruct
    void parse() {
        trustedProxies = trustedProxyList.stream()
                .flatMap(list -> Arrays.stream(list.split(",")))
                .map(String::trim)
                .filter(address -> !address.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }

    /** The client address of a servlet request. */
    public String of(HttpServletRequest request) {
        return resolve(request.getRemoteAddr(), request.getHeader("X-Forwarded-For"));
    }

    /**
     * @param remoteAddress the TCP peer's address
     * @param forwardedFor  the {@code X-Forwarded-For} header, may be null
     */
    public String resolve(String remoteAddress, String forwardedFor) {
        if (forwardedFor == null || forwardedFor.isBlank()
                || !trustedProxies.contains(remoteAddress)) {
            return remoteAddress;
        }
        // The last hop before our proxy is the one the proxy saw; earlier entries are the client's own claims.
        String[] hops = forwardedFor.split(",");
        String candidate = hops[hops.length - 1].trim();
        return candidate.isEmpty() || candidate.length() > 64 || !candidate.matches("[0-9A-Fa-f:.]+")
                ? remoteAddress : candidate;
    }
}
