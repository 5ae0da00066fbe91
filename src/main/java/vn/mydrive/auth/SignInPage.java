package vn.mydrive.auth;

import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Serializable;
import vn.mydrive.auth.AuthExceptions.AlreadySignedInException;
import vn.mydrive.auth.AuthExceptions.PasswordMismatchException;
import vn.mydrive.platform.faces.Messages;
import vn.mydrive.platform.web.ApiException;
import vn.mydrive.platform.web.ClientAddresses;

/**
 * The sign-in page: a sign-in form and a sign-up form on one page. Signing in stores the token in the
 * session cookie and returns the visitor to the page that sent them here.
 */
@Named
@ViewScoped
public class SignInPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    transient AuthService auth;

    @Inject
    transient SessionCookie cookie;

    @Inject
    transient ClientAddresses clientAddresses;

    private String next;
    private String username;
    private String password;
    private boolean signUpShown;
    private boolean takeOverOffered;
    private String newUsername;
    private String newPassword;
    private String confirmPassword;

    /** A visitor who is already signed in has nothing to do here. */
    public void redirectIfSignedIn() throws IOException {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        if (external.getUserPrincipal() != null) {
            external.redirect(external.getRequestContextPath() + SafeRedirects.target(next));
        }
    }

    public void signIn() throws IOException {
        signIn(false);
    }

    public void signInTakingOver() throws IOException {
        signIn(true);
    }

    private void signIn(boolean takeOver) throws IOException {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        try {
            SignIn signIn = auth.signIn(username, password, takeOver, clientAddresses.of(request));
            cookie.write(request, (HttpServletResponse) external.getResponse(), signIn.token(), signIn.expiresAt());
            external.redirect(external.getRequestContextPath() + SafeRedirects.target(next));
        } catch (AlreadySignedInException e) {
            takeOverOffered = true;
            Messages.error(e);
        } catch (ApiException e) {
            takeOverOffered = false;
            Messages.error(e);
        }
    }

    public void signUp() {
        HttpServletRequest request = (HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext()
                .getRequest();
        try {
            if (newPassword != null && !newPassword.equals(confirmPassword)) {
                throw new PasswordMismatchException();
            }
            String created = auth.register(newUsername, newPassword, clientAddresses.of(request));
            username = created;
            password = null;
            newUsername = null;
            newPassword = null;
            confirmPassword = null;
            signUpShown = false;
            Messages.info("signup.done", created);
        } catch (ApiException e) {
            Messages.error(e);
        }
    }

    public void showSignUp() {
        signUpShown = true;
        takeOverOffered = false;
    }

    public void showSignIn() {
        signUpShown = false;
    }

    public String getNext() {
        return next;
    }

    public void setNext(String next) {
        this.next = next;
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public boolean isSignUpShown() {
        return signUpShown;
    }

    public boolean isTakeOverOffered() {
        return takeOverOffered;
    }

    public String getNewUsername() {
        return newUsername;
    }

    public void setNewUsername(String newUsername) {
        this.newUsername = newUsername;
    }

    public String getNewPassword() {
        return newPassword;
    }

    public void setNewPassword(String newPassword) {
        this.newPassword = newPassword;
    }

    public String getConfirmPassword() {
        return confirmPassword;
    }

    public void setConfirmPassword(String confirmPassword) {
        this.confirmPassword = confirmPassword;
    }
}
