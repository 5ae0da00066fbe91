package vn.mydrive.monitor.web;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import vn.mydrive.monitor.ActivityEntry;
import vn.mydrive.monitor.ActivityLog;
import vn.mydrive.monitor.ConnectedClient;
import vn.mydrive.monitor.ConnectedClients;
import vn.mydrive.monitor.MonitorMetrics;
import vn.mydrive.monitor.ServerFacts;
import vn.mydrive.platform.security.Roles;
import vn.mydrive.platform.web.InvalidRequestException;

/** For admins and monitoring tools: this server, the connected clients, the activity log, the metrics. */
@Path("admin")
@RequestScoped
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class MonitorResource {

    @Inject
    ConnectedClients clients;

    @Inject
    ActivityLog log;

    @Inject
    MonitorMetrics metrics;

    @Inject
    ServerFacts server;

    @GET
    @Path("server")
    public ServerFacts.Facts server() {
        return server.facts();
    }

    @GET
    @Path("clients")
    public List<ConnectedClient> clients() {
        return clients.all();
    }

    @GET
    @Path("activity")
    public List<ActivityEntry> activity(@QueryParam("user") String user, @QueryParam("kind") String kind,
                                        @QueryParam("limit") @DefaultValue("100") String limit) {
        int count;
        try {
            count = Integer.parseInt(limit);
        } catch (NumberFormatException e) {
            count = -1;
        }
        if (count < 1 || count > 1000 || (user != null && user.length() > 64) || (kind != null && kind.length() > 32)) {
            throw new InvalidRequestException("invalid_query", "limit is 1..1000; user and kind are short.");
        }
        return log.newest(user, kind == null ? null : kind.toUpperCase(java.util.Locale.ROOT), count);
    }

    /** Prometheus text exposition; scrape with a bearer token of an admin account. */
    @GET
    @Path("metrics")
    @Produces("text/plain; version=0.0.4")
    public String metrics() {
        return metrics.prometheus();
    }
}
