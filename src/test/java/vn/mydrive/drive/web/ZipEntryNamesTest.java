package vn.mydrive.drive.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ZipEntryNamesTest {

    @Test
    void namesThatWouldEscapeTheFolderTheyAreUnzippedIntoAreFlattened() {
        ZipEntryNames names = new ZipEntryNames();
        assertEquals("_.._etc_passwd", names.next("../../etc/passwd"));
        assertEquals("C__Windows_win.ini", names.next("C:\\Windows\\win.ini"));
        assertEquals("file", names.next(".."));
        assertEquals("file (1)", names.next("   "));
        assertEquals("bashrc", names.next(".bashrc"));
        assertEquals("a_b", names.next("a\u0000b"));
    }

    @Test
    void repeatedNamesAreNumberedAsFileManagersDoIgnoringCase() {
        ZipEntryNames names = new ZipEntryNames();
        assertEquals("Báo cáo.pdf", names.next("Báo cáo.pdf"));
        assertEquals("Báo cáo (1).pdf", names.next("Báo cáo.pdf"));
        assertEquals("báo cáo (2).pdf", names.next("báo cáo.pdf"));
        assertEquals("notes", names.next("notes"));
        assertEquals("NOTES (1)", names.next("NOTES"));
        assertEquals("archive.tar.gz", names.next("archive.tar.gz"));
        assertEquals("archive.tar (1).gz", names.next("archive.tar.gz"));
    }

    @Test
    void filesInFoldersKeepTheirFoldersWhoseNamesAreMadeSafeToo() {
        ZipEntryNames names = new ZipEntryNames();
        assertEquals("Ảnh/2021/biển.jpg", names.next(java.util.List.of("Ảnh", "2021"), "biển.jpg"));
        assertEquals("Ảnh/2021/Biển (1).jpg", names.next(java.util.List.of("Ảnh", "2021"), "Biển.jpg"));
        assertEquals("Ảnh/biển.jpg", names.next(java.util.List.of("Ảnh"), "biển.jpg"), "another folder: no clash");
        assertEquals("v1.0/notes (1)", nextTwice(names, java.util.List.of("v1.0"), "notes"));
        assertEquals("_x/file", names.next(java.util.List.of("../x"), ".."));
    }

    private static String nextTwice(ZipEntryNames names, java.util.List<String> folders, String name) {
        names.next(folders, name);
        return names.next(folders, name);
    }
}
