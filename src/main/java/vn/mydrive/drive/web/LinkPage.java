package vn.mydrive.drive.web;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.util.HashSet;
import java.util.Set;
import vn.mydrive.drive.DriveError;
import vn.mydrive.drive.DriveExceptions.DriveException;
import vn.mydrive.drive.LinkService;
import vn.mydrive.drive.LinkService.OpenedLink;
import vn.mydrive.platform.faces.Messages;
import vn.mydrive.platform.web.ClientAddresses;

/**
 * The page a public link opens ({@code /link.xhtml?t=TOKEN}), for people without an account: the file's name and
 * size and a Download button, after the link's password if it has one. The right password is remembered in this
 * browser's session for this link only, so the download itself (a plain HTTP request with Range) needs no header.
 */
@Named
@ViewScoped
public class LinkPage implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final String UNLOCKED = "mydrive.links.unlocked";

    @Inject
    transient LinkService links;

    @Inject
    transient ClientAddresses clientAddresses;

    private String token;
    private String password;
    private String name;
    private long size;
    private DriveError problem;

    /** Where a link opens, under the application's address. */
    public static String path(String token) {
        return "/link.xhtml?t=" + token;
    }

    /** Whether this request's browser typed the link's right password on its page. */
    static boolean isUnlocked(HttpServletRequest request, String token) {
        HttpSession session = request.getSession(false);
        return session != null && session.getAttribute(UNLOCKED) instanceof Set<?> unlocked && unlocked.contains(token);
    }

    /** On arrival: what the link gives, or why it gives nothing. */
    public void arrive() {
        attempt(null);
    }

    /** The password typed on the page. */
    public void unlock() {
        if (attempt(password)) {
            HttpServletRequest request = request();
            Set<String> unlocked = new HashSet<>();
            if (request.getSession(true).getAttribute(UNLOCKED) instanceof Set<?> before) {
                before.forEach(t -> unlocked.add((String) t));
            }
            unlocked.add(token);
            request.getSession().setAttribute(UNLOCKED, unlocked);
        } else if (problem == DriveError.LINK_PASSWORD) {
            Messages.error("error.link_password_wrong");
        }
        password = null;
    }

    private boolean attempt(String typed) {
        try {
            OpenedLink opened = links.open(token, typed, isUnlocked(request(), token), clientAddresses.of(request()));
            name = opened.file().name();
            size = opened.file().size();
            problem = null;
            return true;
        } catch (DriveException e) {
            problem = e.error();
            return false;
        }
    }

    /** The file's bytes through the link, relative to the page. */
    public String getDownloadUrl() {
        return "api/public/links/" + token + "/content";
    }

    /** ok, password, expired, throttled or gone: what the page shows. */
    public String getState() {
        if (problem == null) {
            return "ok";
        }
        return switch (problem) {
            case LINK_PASSWORD -> "password";
            case LINK_EXPIRED -> "expired";
            case LINK_THROTTLED -> "throttled";
            default -> "gone";
        };
    }

    public String getToken() {
        return token;
    }

    public void setToken(String token) {
        this.token = token;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getName() {
        return name;
    }

    public String getSize() {
        return ByteSizes.human(size, FacesContext.getCurrentInstance().getViewRoot().getLocale());
    }

    private static HttpServletRequest request() {
        return (HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext().getRequest();
    }
}
