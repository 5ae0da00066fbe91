package vn.mydrive.auth;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.Principal;
import vn.mydrive.platform.security.CallerAttributes;
import vn.mydrive.platform.security.Roles;
import vn.mydrive.platform.security.TokenPrincipal;
import vn.mydrive.platform.web.ClientAddresses;

/** Who is looking at a page, and the sign-out action of the page header. */
@Named
@RequestScoped
public class CurrentUser {

    @Inject
    AuthService auth;

    @Inject
    SignInCookies cookie;

    @Inject
    ClientAddresses clientAddresses;

    public boolean isSignedIn() {
        return principal() != null;
    }

    public String getName() {
        Principal principal = principal();
        return principal == null ? null : principal.getName();
    }

    public boolean isAdmin() {
        return FacesContext.getCurrentInstance().getExternalContext().isUserInRole(Roles.ADMIN);
    }

    public void signOut() throws IOException {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        if (request.getAttribute(CallerAttributes.TOKEN) instanceof TokenPrincipal token) {
            auth.signOut(token.getName(), token.getTokenID(),
                    clientAddresses.of(request));
        }
        leave("signedOut=true");
    }

    /** Forgets the browser's sign-in and goes to the sign-in page, which says why ({@code query}). */
    void leave(String query) throws IOException {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        cookie.clear((HttpServletRequest) external.getRequest(), (HttpServletResponse) external.getResponse());
        external.invalidateSession();
        external.redirect(external.getRequestContextPath() + TokenAuthenticationMechanism.SIGN_IN_PAGE + "?" + query);
    }

    private Principal principal() {
        return FacesContext.getCurrentInstance().getExternalContext().getUserPrincipal();
    }
}
