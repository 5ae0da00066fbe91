package vn.mydrive.auth;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import vn.mydrive.platform.faces.Messages;
import vn.mydrive.platform.security.SessionEnding;
import vn.mydrive.platform.web.ApiException;
import vn.mydrive.platform.web.ClientAddresses;

/** The account page: deleting one's own account and everything in it, after typing the password again. */
@Named
@RequestScoped
public class AccountPage {

    @Inject
    AuthService auth;

    @Inject
    CurrentUser currentUser;

    @Inject
    ClientAddresses clientAddresses;

    private String password;

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public void deleteAccount() throws IOException {
        HttpServletRequest request = (HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext()
                .getRequest();
        try {
            auth.deleteOwnAccount(request.getUserPrincipal().getName(), password, clientAddresses.of(request));
        } catch (ApiException e) {
            Messages.error(e);
            return;
        }
        currentUser.leave("ended=" + SessionEnding.Reason.ACCOUNT_DELETED.code());
    }
}
