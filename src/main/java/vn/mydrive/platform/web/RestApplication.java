package vn.mydrive.platform.web;

import jakarta.annotation.security.DeclareRoles;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import vn.mydrive.platform.security.Roles;

/** The JSON API under {@code /api}. Resources and providers are discovered by scanning. */
@ApplicationPath("api")
@DeclareRoles({Roles.USER, Roles.ADMIN})
public class RestApplication extends Application {
}
