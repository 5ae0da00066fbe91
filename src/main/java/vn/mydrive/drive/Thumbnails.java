package vn.mydrive.drive;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import vn.mydrive.platform.concurrent.SerialQueue;
import vn.mydrive.platform.concurrent.Workers;

/**
 * The list's thumbnails of image files: made once, when the file is completed, on the managed executor and one
 * at a time (so the memory they take is one picture's, whatever the number of uploads), then stored under the
 * file's id. A picture that cannot be read, or is too large, simply has none.
 */
@ApplicationScoped
public class Thumbnails {

    private static final Logger LOG = Logger.getLogger(Thumbnails.class.getName());
    /** Files larger than this are not read for a thumbnail: the time it would take is not worth a small picture. */
    static final long MAX_FILE_SIZE = 256L << 20;
    private static final int MAX_WAITING = 1_000;

    @Inject
    FileService files;

    @Inject
    FileRepository fileRepository;

    @Inject
    ThumbnailRepository thumbnails;

    @Resource(lookup = Workers.JNDI_NAME)
    ManagedExecutorService executor;

    private SerialQueue<StoredFile> queue;

    @PostConstruct
    void start() {
        queue = new SerialQueue<>(executor, this::make,
                file -> LOG.fine(() -> "No thumbnail for " + file.id() + ": too many waiting"), MAX_WAITING);
    }

    @PreDestroy
    void stop() {
        queue.stop(() -> { });
    }

    void onStored(@Observes FileStored stored) {
        StoredFile file = stored.file();
        if (file.size() > 0 && file.size() <= MAX_FILE_SIZE && Preview.of(file.name()).thumbnailable()) {
            queue.offer(file);
        }
    }

    /** The thumbnail of a file the viewer may see, if it has one. */
    public Optional<byte[]> of(String viewer, String id) {
        return thumbnails.find(files.get(viewer, id).id());
    }

    private void make(StoredFile file) {
        try (InputStream bytes = files.open(file)) {
            Optional<byte[]> png = ThumbnailImage.of(bytes);
            if (png.isPresent()) {
                thumbnails.save(file.id(), png.get());
                if (fileRepository.find(file.id()).isEmpty()) {
                    // Deleted while its thumbnail was being made: the delete did not find one to remove.
                    thumbnails.delete(file.id());
                }
            }
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.INFO, "No thumbnail for " + file.id() + ": " + e);
        }
    }
}
