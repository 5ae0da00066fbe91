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
import java.util.Optional;
import vn.mydrive.auth.AuthExceptions.AlreadySignedInException;
import vn.mydrive.auth.AuthExceptions.PasswordMismatchException;
import vn.mydrive.auth.AuthExceptions.WeakPasswordException;
import vn.mydrive.platform.faces.Messages;
import vn.mydrive.platform.security.CallerAttributes;
import vn.mydrive.platform.security.SessionEnding;
import vn.mydrive.platform.security.TokenRejectedException;
import vn.mydrive.platform.time.VietnamTime;
import vn.mydrive.platform.web.ApiException;
import vn.mydrive.platform.web.ClientAddresses;

/**
 * The sign-in page: a sign-in form and a sign-up form on one page. Signing in stores the token in the
 * session cookie and returns the visitor to the page that sent them here. A visitor whose session was ended
 * elsewhere is told how, and one refused because the account is in use on another device can sign in here
 * instead with one click, without typing the password again.
 */
@Named
@ViewScoped
public class SignInPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    transient AuthService auth;

    @Inject
    transient SignInCookies cookies;

    @Inject
    transient ClientAddresses clientAddresses;

    private String next;
    private String ended;
    private String username;
    private String password;
    /** The password of a sign-in refused as "already signed in", for the one-click take-over; never rendered. */
    private transient String pendingPassword;
    private boolean signUpShown;
    private boolean takeOverOffered;
    private String newUsername;
    private String newPassword;
    private String confirmPassword;

    /** On arrival: a visitor who is already signed in has nothing to do here; one who was pushed out learns why. */
    public void arrive() throws IOException {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        if (external.getUserPrincipal() != null) {
            external.redirect(external.getRequestContextPath() + SafeRedirects.target(next));
            return;
        }
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        endingToTell(request, (HttpServletResponse) external.getResponse()).ifPresent(SignInPage::tell);
    }

    public void signIn() throws IOException {
        pendingPassword = null;
        signIn(username, password, false);
    }

    /** The second click: the same account and password, ending the session held elsewhere. */
    public void signInTakingOver() throws IOException {
        signIn(username, pendingPassword != null ? pendingPassword : password, true);
    }

    private void signIn(String name, String secret, boolean takeOver) throws IOException {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        HttpServletResponse response = (HttpServletResponse) external.getResponse();
        try {
            SignIn signIn = auth.signIn(new SignInAttempt(name, secret, takeOver, Optional.empty(),
                    cookies.device(request), clientAddresses.of(request)));
            pendingPassword = null;
            cookies.signedIn(request, response, signIn);
            external.redirect(external.getRequestContextPath() + SafeRedirects.target(next));
        } catch (AlreadySignedInException e) {
            takeOverOffered = true;
            pendingPassword = secret;
            Messages.error("error.already_signed_in",
                    e.since() == null ? "?" : VietnamTime.dateTime(e.since()), e.address() == null ? "?" : e.address());
        } catch (ApiException e) {
            takeOverOffered = false;
            pendingPassword = null;
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
            String created = auth.register(newUsername, newPassword, confirmPassword, clientAddresses.of(request));
            username = created;
            password = null;
            newUsername = null;
            newPassword = null;
            confirmPassword = null;
            signUpShown = false;
            Messages.info("signup.done", created);
        } catch (WeakPasswordException e) {
            Messages.error("error.weak_password", Messages.text("password.weak." + e.weakness().code(), e.getMessage()));
        } catch (ApiException e) {
            Messages.error(e);
        }
    }

    public void showSignUp() {
        signUpShown = true;
        takeOverOffered = false;
        pendingPassword = null;
    }

    public void showSignIn() {
        signUpShown = false;
    }

    /**
     * How the visitor's last session ended, if they arrive because of it: this very request carried its dead
     * token, or the browser kept its id in the ended-session cookie, or the page that was pushed out named the
     * reason ({@code ?ended=}, without details, when nothing better is known).
     */
    private Optional<SessionEnding> endingToTell(HttpServletRequest request, HttpServletResponse response) {
        if (request.getAttribute(CallerAttributes.TOKEN_REJECTED) instanceof TokenRejectedException rejected
                && rejected.ending() != null) {
            cookies.takeEnded(request, response);
            return Optional.of(rejected.ending());
        }
        String tokenId = cookies.takeEnded(request, response);
        if (tokenId != null) {
            return Optional.of(auth.endingOf(tokenId));
        }
        if (ended != null) {
            SessionEnding.Reason reason = SessionEnding.Reason.ofCode(ended);
            return Optional.of(new SessionEnding(reason, null, null));
        }
        return Optional.empty();
    }

    private static void tell(SessionEnding ending) {
        String when = ending.at() == null ? "?" : VietnamTime.dateTime(ending.at());
        String from = ending.address() == null ? "?" : ending.address();
        Messages.warn("session.ended." + ending.reason().code(), when, from);
    }

    public String getNext() {
        return next;
    }

    public void setNext(String next) {
        this.next = next;
    }

    public String getEnded() {
        return ended;
    }

    public void setEnded(String ended) {
        this.ended = ended == null || ended.length() > 32 ? null : ended;
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
