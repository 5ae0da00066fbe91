package vn.mydrive.covid.web;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import vn.mydrive.covid.CovidRefresher;
import vn.mydrive.covid.CovidRepository;
import vn.mydrive.covid.RefreshRun;
import vn.mydrive.platform.security.Roles;

/** For admins: the COVID refresh history, and "refresh now". */
@Path("admin/covid")
@RequestScoped
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class CovidAdminResource {

    @Inject
    CovidRepository store;

    @Inject
    CovidRefresher refresher;

    @GET
    @Path("runs")
    public List<RefreshRun> runs() {
        return store.recentRuns(100);
    }

    /** Starts a refresh in the background; its runs appear in {@link #runs()}. */
    @POST
    @Path("refresh")
    public Response refresh() {
        refresher.refreshSoon();
        return Response.accepted().build();
    }
}
