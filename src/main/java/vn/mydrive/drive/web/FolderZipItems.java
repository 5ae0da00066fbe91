package vn.mydrive.drive.web;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.bson.types.ObjectId;
import vn.mydrive.drive.FileQuery;
import vn.mydrive.drive.FileService;
import vn.mydrive.drive.FolderService.Subfolder;
import vn.mydrive.drive.StoredFile;

/**
 * The files of a folder and of every folder inside it (whoever added them), for its zip, read a page at a time while the zip is written:
 * however many files the folder holds, only one page of their descriptions is in memory.
 */
final class FolderZipItems implements Iterable<ZipArchive.Item> {

    private static final int PAGE = 100;

    private final FileService files;
    private final List<Subfolder> folders;
    private final Map<ObjectId, List<String>> names = new HashMap<>();

    FolderZipItems(FileService files, List<Subfolder> folders) {
        this.files = files;
        this.folders = folders;
        folders.forEach(f -> names.put(f.id(), f.names()));
    }

    @Override
    public Iterator<ZipArchive.Item> iterator() {
        return new Iterator<>() {
            private int folder;
            private int offset;
            private final Deque<StoredFile> page = new ArrayDeque<>();

            @Override
            public boolean hasNext() {
                while (page.isEmpty() && folder < folders.size()) {
                    FileQuery query = FileQuery.everyFileIn(folders.get(folder).id(), FileQuery.Sort.NAME,
                            offset, PAGE);
                    List<StoredFile> next = files.page(query);
                    page.addAll(next);
                    if (next.size() < PAGE) {
                        folder++;
                        offset = 0;
                    } else {
                        offset += PAGE;
                    }
                }
                return !page.isEmpty();
            }

            @Override
            public ZipArchive.Item next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                StoredFile file = page.removeFirst();
                return new ZipArchive.Item(namesOf(file), file);
            }

            private List<String> namesOf(StoredFile file) {
                return names.getOrDefault(file.folderId(), List.of());
            }
        };
    }
}
