package vn.mydrive.drive;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import vn.mydrive.platform.events.AccountDeleting;

/** When an account is deleted, its files (drive and trash) and its unfinished uploads go with it. */
@ApplicationScoped
class AccountFilesRemoval {

    @Inject
    UploadService uploads;

    @Inject
    FileService files;

    void onAccountDeleting(@Observes AccountDeleting deleting) {
        uploads.discardAll(deleting.username());
        files.removeEverythingOf(deleting.username());
    }
}
