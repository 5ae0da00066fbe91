package vn.mydrive.auth;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import vn.mydrive.platform.faces.Messages;
import vn.mydrive.platform.web.ClientAddresses;

/** The admin page's session list, and its "end session" action. */
@Named
@RequestScoped
public class SessionsAdmin {

    @Inject
    AuthService auth;

    @Inject
    ClientAddresses clientAddresses;

    public List<AuthService.SessionView> getSessions() {
        return auth.liveSessions();
    }

    public void end(String username) {
        FacesContext faces = FacesContext.getCurrentInstance();
        HttpServletRequest request = (HttpServletRequest) faces.getExternalContext().getRequest();
        if (auth.endSession(username, faces.getExternalContext().getUserPrincipal().getName(), clientAddresses.of(request))) {
            Messages.info("admin.sessionEnded", username);
        }
    }
}
