package vn.mydrive.drive.transfer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.mydrive.platform.events.Departure;
import vn.mydrive.platform.events.SessionEnded;
import vn.mydrive.platform.security.AccountKey;
import vn.mydrive.platform.security.SessionTokens;
import vn.mydrive.platform.security.TokenRejectedException;

/**
 * This node's open transfer connections: how many an account may have, and closing them when what they stand
 * for ends. A session ended on this node closes its sockets at once ({@link SessionEnded}); one ended on another
 * node is found by {@link #closeEndedSessions}, which {@link ConnectionWatch} runs every second; a client that
 * stopped sending heartbeats is let go by {@link #closeSilent}.
 */
@ApplicationScoped
class OpenConnections {

    private final Map<String, TransferConnection> open = new ConcurrentHashMap<>();

    @Inject
    SessionTokens sessionTokens;

    @Inject
    @ConfigProperty(name = "mydrive.transfer.max-connections-per-account")
    int maxPerAccount;

    /** Registers a new connection; false when its account already has as many as it may here. */
    synchronized boolean admit(TransferConnection connection) {
        long same = open.values().stream().filter(c -> AccountKey.same(c.username(), connection.username())).count();
        if (same >= maxPerAccount) {
            return false;
        }
        open.put(connection.id(), connection);
        return true;
    }

    /** Whether another open connection here comes from the same browser tab of the same sign-in. */
    boolean sameTabOpen(TransferConnection connection) {
        return connection.tab() != null && open.values().stream().anyMatch(c -> c != connection
                && c.tokenId().equals(connection.tokenId()) && connection.tab().equals(c.tab()));
    }

    void remove(TransferConnection connection) {
        open.remove(connection.id());
    }

    int count() {
        return open.size();
    }

    void sessionEnded(@Observes SessionEnded ended) {
        open.values().stream().filter(c -> c.tokenId().equals(ended.tokenId()))
                .forEach(c -> c.endedSession(ended.ending().reason().code()));
    }

    /** Closes the connections of sessions that ended anywhere in the cluster (one store read per session). */
    void closeEndedSessions() {
        Map<String, List<TransferConnection>> byToken = open.values().stream()
                .collect(Collectors.groupingBy(TransferConnection::rawToken));
        byToken.forEach((token, connections) -> {
            try {
                sessionTokens.check(token);
            } catch (TokenRejectedException e) {
                connections.forEach(c -> c.endedSession(e.specificCode()));
            }
        });
    }

    /**
     * Closes connections that sent nothing, not even a heartbeat, for {@code silence} since they were welcomed. One
     * not welcomed yet waits for the server, not the other way round (the container's idle limit is its backstop).
     */
    void closeSilent(Duration silence) {
        open.values().stream().filter(c -> c.wasAnnounced() && !c.aliveWithin(silence.toNanos()))
                .forEach(c -> c.close(CloseReasons.heartbeatTimeout(), Departure.HEARTBEAT_LOST));
    }
}
