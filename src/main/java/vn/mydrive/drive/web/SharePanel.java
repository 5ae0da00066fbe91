package vn.mydrive.drive.web;

import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import vn.mydrive.drive.DriveExceptions.InvalidLinkException;
import vn.mydrive.drive.FileService;
import vn.mydrive.drive.Folder;
import vn.mydrive.drive.FolderService;
import vn.mydrive.drive.LinkService;
import vn.mydrive.drive.StoredFile;
import vn.mydrive.drive.Visibility;
import vn.mydrive.platform.faces.Messages;
import vn.mydrive.platform.time.VietnamTime;
import vn.mydrive.platform.web.ApiException;
import vn.mydrive.platform.web.ClientAddresses;

/**
 * The drive page's Share dialog for one of the viewer's files or folders: everyone signed in or not (files), the
 * people it is shared with by name (add, remove; for a folder, whether each may add files), and its public links (make one with an optional last day and password, copy, revoke,
 * see how often each was downloaded). Every change goes through the same services as the REST API.
 */
@Named
@ViewScoped
public class SharePanel implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    transient FileService files;

    @Inject
    transient LinkService links;

    @Inject
    transient FolderService folders;

    @Inject
    transient ClientAddresses clientAddresses;

    private String fileId;
    /** The folder the dialog is for, when it is not for a file. */
    private String folderId;
    private String person;
    private boolean personCanAdd;
    private String linkLastDay;
    private String linkPassword;

    /** A link as the dialog lists it: a JavaBean, because Expression Language 5 cannot read records. */
    public static final class LinkRow implements Serializable {
        private static final long serialVersionUID = 1L;
        private final String id;
        private final String url;
        private final String expires;
        private final boolean password;
        private final long downloads;

        LinkRow(String id, String url, String expires, boolean password, long downloads) {
            this.id = id;
            this.url = url;
            this.expires = expires;
            this.password = password;
            this.downloads = downloads;
        }

        public String getId() {
            return id;
        }

        public String getUrl() {
            return url;
        }

        public String getExpires() {
            return expires;
        }

        public boolean isPassword() {
            return password;
        }

        public long getDownloads() {
            return downloads;
        }
    }

    /** Opens the dialog for a file. */
    public void open(FileRow row) {
        reset(row.getId(), null);
    }

    /** Opens the dialog for a folder. */
    public void openFolder(FolderRow row) {
        reset(null, row.getId());
    }

    private void reset(String file, String folder) {
        fileId = file;
        folderId = folder;
        person = null;
        personCanAdd = false;
        linkLastDay = null;
        linkPassword = null;
    }

    public boolean isFolder() {
        return folderId != null;
    }

    public String getFileName() {
        return isFolder() ? folder().name() : file().name();
    }

    public boolean isEveryone() {
        return fileId != null && file().visibility() == Visibility.SHARED;
    }

    public void setEveryone(boolean everyone) {
        act(() -> files.setVisibility(viewer(), fileId, everyone ? Visibility.SHARED : Visibility.PRIVATE,
                address()));
    }

    /** The people the file or folder is shared with by name. */
    public List<String> getPeople() {
        return isFolder() ? folder().sharedWith() : fileId == null ? List.of() : file().sharedWith();
    }

    /** Whether a person the folder is shared with may add files to it. */
    public boolean canAdd(String key) {
        return isFolder() && folder().contributors().contains(key);
    }

    public void addPerson() {
        if (act(() -> {
            if (isFolder()) {
                folders.shareWith(viewer(), folderId, person, personCanAdd, address());
            } else {
                files.shareWith(viewer(), fileId, person, address());
            }
        })) {
            Messages.info("share.personAdded", person.strip());
            person = null;
        }
    }

    public void removePerson(String name) {
        act(() -> {
            if (isFolder()) {
                folders.unshareWith(viewer(), folderId, name, address());
            } else {
                files.unshareWith(viewer(), fileId, name, address());
            }
        });
    }

    public List<LinkRow> getLinks() {
        if (fileId == null && folderId == null) {
            return List.of();
        }
        String base = base();
        return (isFolder() ? links.ofFolder(viewer(), folderId) : links.of(viewer(), fileId)).stream()
                .map(l -> new LinkRow(l.id().toHexString(),
                base + LinkPage.path(l.token()), l.expiresAt() == null ? null : VietnamTime.dateTime(l.expiresAt()),
                l.hasPassword(), l.downloads())).toList();
    }

    /** Makes a link; a last day (yyyy-MM-dd, as the date field sends it) ends at that day's midnight in Vietnam. */
    public void createLink() {
        if (act(() -> {
            if (isFolder()) {
                links.createForFolder(viewer(), folderId, expiryOf(linkLastDay), linkPassword, address());
            } else {
                links.create(viewer(), fileId, expiryOf(linkLastDay), linkPassword, address());
            }
        })) {
            Messages.info("share.linkMade");
            linkLastDay = null;
            linkPassword = null;
        }
    }

    public void revokeLink(String id) {
        if (act(() -> links.revoke(viewer(), id, address()))) {
            Messages.info("share.linkRevoked");
        }
    }

    private static Instant expiryOf(String lastDay) {
        if (lastDay == null || lastDay.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(lastDay.strip()).plusDays(1).atStartOfDay(VietnamTime.ZONE).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidLinkException("The last day is a date such as 2027-01-31.");
        }
    }

    private StoredFile file() {
        return files.owned(viewer(), fileId);
    }

    private Folder folder() {
        return folders.owned(viewer(), folderId);
    }

    /** Runs a change and reports a refusal in the dialog. @return whether it was done */
    private static boolean act(Runnable change) {
        try {
            change.run();
            return true;
        } catch (ApiException e) {
            Messages.error(e);
            FacesContext.getCurrentInstance().validationFailed();
            return false;
        }
    }

    /** The application's address as this browser reached it, which is where people it sends links to reach it. */
    private static String base() {
        HttpServletRequest request = request();
        StringBuffer url = request.getRequestURL();
        return url.substring(0, url.length() - request.getRequestURI().length()) + request.getContextPath();
    }

    private String address() {
        return clientAddresses.of(request());
    }

    private static HttpServletRequest request() {
        ExternalContext context = FacesContext.getCurrentInstance().getExternalContext();
        return (HttpServletRequest) context.getRequest();
    }

    private static String viewer() {
        return DrivePage.viewer();
    }

    public String getFileId() {
        return fileId;
    }

    public boolean isPersonCanAdd() {
        return personCanAdd;
    }

    public void setPersonCanAdd(boolean personCanAdd) {
        this.personCanAdd = personCanAdd;
    }

    public String getPerson() {
        return person;
    }

    public void setPerson(String person) {
        this.person = person;
    }

    public String getLinkLastDay() {
        return linkLastDay;
    }

    public void setLinkLastDay(String linkLastDay) {
        this.linkLastDay = linkLastDay;
    }

    public String getLinkPassword() {
        return linkPassword;
    }

    public void setLinkPassword(String linkPassword) {
        this.linkPassword = linkPassword;
    }
}
