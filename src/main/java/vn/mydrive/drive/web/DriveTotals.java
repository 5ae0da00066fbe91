package vn.mydrive.drive.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import vn.mydrive.drive.FileService;

/** Totals of the drive for the admin page. */
@Named
@RequestScoped
public class DriveTotals {

    @Inject
    FileService files;

    public long getFiles() {
        return files.fileCount();
    }

    public long getStoredBytes() {
        return files.storedBytes();
    }
}
