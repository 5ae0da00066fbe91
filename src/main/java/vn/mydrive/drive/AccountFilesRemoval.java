package vn.mydrive.drive;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import vn.mydrive.platform.events.AccountDeleting;

/** When an account is deleted, its files (drive and trash), folders and unfinished uploads go with it. */
@ApplicationScoped
class AccountFilesRemoval {

    @Inject
    UploadService uploads;

    @Inject
    FileService files;

    @Inject
    FolderService folders;

    void onAccountDeleting(@Observes AccountDeleting deleting) {
        uploads.discardAll(deleting.username());
        files.removeEverythingOf(deleting.username());
        folders.deleteAllOf(deleting.username());
    }
}
