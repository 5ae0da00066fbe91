package vn.mydrive.drive.web;

import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import vn.mydrive.drive.FileService;
import vn.mydrive.drive.StoredFile;

/**
 * Several files as one zip, written to the response as they are read from the store, a chunk at a time: no
 * temporary file, memory bounded by a chunk, whatever the sizes. The JDK's writer adds ZIP64 records by itself
 * past 4 GiB or 65,535 entries and marks names as UTF-8. Entries are not compressed (deflate level 0): files moved
 * this way are mostly photos, video and archives already, and compressing gigabytes would cost the server more CPU
 * than the bytes it saves.
 */
final class ZipArchive implements StreamingOutput {

    /** A file of the zip and the folders it is in there (none for files picked one by one). */
    record Item(List<String> folders, StoredFile file) {
    }

    private final FileService files;
    private final List<Iterable<Item>> parts;

    ZipArchive(FileService files, Iterable<Item> entries) {
        this(files, List.of(entries));
    }

    /** The entries of each part, one part after the other, each read only when the zip reaches it. */
    ZipArchive(FileService files, List<Iterable<Item>> parts) {
        this.files = files;
        this.parts = parts;
    }

    /** Files picked one by one, side by side at the zip's top. */
    static Iterable<Item> picked(List<StoredFile> picked) {
        return picked.stream().map(f -> new Item(List.of(), f)).toList();
    }

    @Override
    public void write(OutputStream out) throws IOException {
        ZipEntryNames names = new ZipEntryNames();
        // Not closed: closing would close the response's stream, which the container owns.
        ZipOutputStream zip = new ZipOutputStream(out);
        zip.setLevel(Deflater.NO_COMPRESSION);
        for (Iterable<Item> part : parts) {
            for (Item item : part) {
                StoredFile file = item.file();
                ZipEntry entry = new ZipEntry(names.next(item.folders(), file.name()));
                entry.setTime(file.uploadDate().toEpochMilli());
                zip.putNextEntry(entry);
                if (file.size() > 0) {
                    files.copyRange(file, 0, file.size() - 1, zip);
                }
                zip.closeEntry();
            }
        }
        zip.finish();
    }
}
