package vn.mydrive.drive.web;

import java.io.Serializable;
import java.time.Instant;
import java.util.Locale;
import vn.mydrive.drive.Preview;
import vn.mydrive.drive.StoredFile;
import vn.mydrive.drive.Visibility;

/** A file as a row of the drive page's table: a JavaBean, because Expression Language 5 cannot read records. */
public final class FileRow implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String id;
    private final String name;
    private final String owner;
    private final long size;
    private final Instant uploadDate;
    private final Instant trashedAt;
    private final boolean shared;
    private final int people;
    private final boolean mine;
    private final String previewKind;
    private final boolean thumbnailed;
    private final String location;

    FileRow(StoredFile file, String viewer) {
        this(file, viewer, null);
    }

    /** @param location where the file is ("Ảnh / 2021"), shown beside search results; null to show nothing */
    FileRow(StoredFile file, String viewer, String location) {
        this.location = location;
        this.id = file.id().toHexString();
        this.name = file.name();
        this.owner = file.owner();
        this.size = file.size();
        this.uploadDate = file.uploadDate();
        this.trashedAt = file.trashedAt();
        this.shared = file.visibility() == Visibility.SHARED;
        this.people = file.sharedWith().size();
        this.mine = file.isOwnedBy(viewer);
        Preview preview = Preview.of(file.name());
        this.previewKind = preview.kind().name().toLowerCase(Locale.ROOT);
        this.thumbnailed = preview.thumbnailable() && file.size() > 0;
    }

    public String getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public String getOwner() {
        return owner;
    }

    public long getSize() {
        return size;
    }

    public Instant getUploadDate() {
        return uploadDate;
    }

    /** When its owner moved it to the trash; null for a file in the drive. */
    public Instant getTrashedAt() {
        return trashedAt;
    }

    public boolean isShared() {
        return shared;
    }

    /** How many people the owner shared it with by name. */
    public int getPeople() {
        return people;
    }

    public boolean isMine() {
        return mine;
    }

    /** image, pdf, audio, video, text or none: what the preview dialog shows. */
    public String getPreviewKind() {
        return previewKind;
    }

    public boolean isPreviewable() {
        return !previewKind.equals("none");
    }

    public String getLocation() {
        return location;
    }

    /** Whether the list shows the file's thumbnail (an image the server can read; made right after upload). */
    public boolean isThumbnailed() {
        return thumbnailed;
    }
}
