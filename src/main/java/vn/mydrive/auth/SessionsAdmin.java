package vn.mydrive.auth;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import vn.mydrive.platform.faces.Messages;
import vn.mydrive.platform.web.ApiException;
import vn.mydrive.platform.web.ClientAddresses;

/** The admin page's session list, its "end session" action, and disabling or enabling an account by name. */
@Named
@RequestScoped
public class SessionsAdmin {

    @Inject
    AuthService auth;

    @Inject
    ClientAddresses clientAddresses;

    private String account;

    public String getAccount() {
        return account;
    }

    public void setAccount(String account) {
        this.account = account;
    }

    public void disable() {
        setDisabled(true, "admin.accountDisabled");
    }

    public void enable() {
        setDisabled(false, "admin.accountEnabled");
    }

    private void setDisabled(boolean disabled, String done) {
        FacesContext faces = FacesContext.getCurrentInstance();
        HttpServletRequest request = (HttpServletRequest) faces.getExternalContext().getRequest();
        String name = account == null ? "" : account.strip();
        try {
            auth.setDisabled(name, disabled, faces.getExternalContext().getUserPrincipal().getName(),
                    clientAddresses.of(request));
            Messages.info(done, name);
        } catch (ApiException e) {
            Messages.error(e);
        }
    }

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
