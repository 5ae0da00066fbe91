package vn.mydrive.drive.web;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import vn.mydrive.drive.DriveError;
import vn.mydrive.drive.DriveExceptions.DriveException;
import vn.mydrive.drive.LinkService;
import vn.mydrive.drive.LinkService.OpenedLink;
import vn.mydrive.platform.faces.Messages;
import vn.mydrive.platform.web.ClientAddresses;

/**
 * The page a public link opens ({@code /link.xhtml?t=TOKEN}), for people without an account: the file's name and
 * size and a Download button, or for a folder ({@code &f=ID} for one below it) its folders, its files each with a
 * Download button, and the whole folder as a zip; after the link's password if it has one. The right password is remembered in this
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

    /** Files a folder's page lists; the zip holds them all. */
    static final int MOST_FILES_SHOWN = 200;

    private String token;
    private String folderId;
    private String password;
    private String name;
    private long size;
    private DriveError problem;
    private String path;
    private List<Entry> subfolders = List.of();
    private List<Entry> files = List.of();
    private long fileCount;

    /** A folder or a file of a linked folder, as the page lists it (a JavaBean for Expression Language). */
    public static final class Entry implements Serializable {
        private static final long serialVersionUID = 1L;
        private final String id;
        private final String name;
        private final String size;

        Entry(String id, String name, String size) {
            this.id = id;
            this.name = name;
            this.size = size;
        }

        public String getId() {
            return id;
        }

        public String getName() {
            return name;
        }

        public String getSize() {
            return size;
        }
    }


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
            problem = null;
            if (opened.folder() == null) {
                name = opened.file().name();
                size = opened.file().size();
            } else {
                show(links.contents(opened, folderId, 0, MOST_FILES_SHOWN));
            }
            return true;
        } catch (DriveException e) {
            problem = e.error();
            return false;
        }
    }

    /** What the folder holds: its folders, and the first of its files by name. */
    private void show(LinkService.FolderContents contents) {
        Locale locale = FacesContext.getCurrentInstance().getViewRoot().getLocale();
        name = contents.folder().name();
        folderId = contents.folder().id().toHexString();
        path = contents.path();
        subfolders = contents.folders().stream().map(f -> new Entry(f.id().toHexString(), f.name(), null)).toList();
        files = contents.files().stream()
                .map(f -> new Entry(f.id().toHexString(), f.name(), ByteSizes.human(f.size(), locale))).toList();
        fileCount = contents.fileCount();
    }

    /** The file's bytes through the link, relative to the page. */
    public String getDownloadUrl() {
        return "api/public/links/" + token + "/content";
    }

    /** A file of the linked folder's bytes, relative to the page. */
    public String fileUrl(String fileId) {
        return "api/public/links/" + token + "/files/" + fileId + "/content";
    }

    /** The folder shown, as one zip, relative to the page. */
    public String getZipUrl() {
        return "api/public/links/" + token + "/archive?folder=" + folderId;
    }

    /** Another folder of the linked one, on this page. */
    public String folderUrl(String id) {
        return "link.xhtml?t=" + token + (id == null ? "" : "&f=" + id);
    }

    public boolean isFolder() {
        return path != null;
    }

    public String getPath() {
        return path;
    }

    public List<Entry> getSubfolders() {
        return subfolders;
    }

    public List<Entry> getFiles() {
        return files;
    }

    /** Files in the folder beyond those listed (the zip has them). */
    public long getMoreFiles() {
        return fileCount - files.size();
    }

    public String getFolderId() {
        return folderId;
    }

    public void setFolderId(String folderId) {
        this.folderId = folderId;
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
