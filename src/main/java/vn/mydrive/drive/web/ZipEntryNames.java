package vn.mydrive.drive.web;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Names for the entries of one zip: never a path (a name another GridFS client stored may hold "../" or a drive
 * letter, and unzip tools follow them), never empty, and unique in the archive the way file managers make them:
 * "report.pdf", "report (1).pdf", "report (2).pdf". Compared ignoring case, since Windows and macOS unzip onto
 * case-insensitive disks.
 */
final class ZipEntryNames {

    private final Set<String> taken = new HashSet<>();

    String next(String name) {
        return next(List.of(), name);
    }

    /**
     * A unique name for a file in folders of the zip ("Ảnh/2021/biển.jpg"): each folder name is made safe as a file
     * name is, so no part can climb out of the folder the zip is opened in.
     */
    String next(List<String> folders, String name) {
        String prefix = folders.stream().map(ZipEntryNames::flatten).map(f -> f + "/").reduce("", String::concat);
        String safe = flatten(name);
        int dot = safe.lastIndexOf('.');
        String stem = dot > 0 ? safe.substring(0, dot) : safe;
        String extension = dot > 0 ? safe.substring(dot) : "";
        String candidate = prefix + safe;
        for (int n = 1; !taken.add(candidate.toLowerCase(Locale.ROOT)); n++) {
            candidate = prefix + stem + " (" + n + ")" + extension;
        }
        return candidate;
    }

    private static String flatten(String name) {
        StringBuilder flat = new StringBuilder(name == null ? 0 : name.length());
        if (name != null) {
            name.codePoints().forEach(c -> flat.appendCodePoint(
                    c == '/' || c == '\\' || c == ':' || Character.isISOControl(c) ? '_' : c));
        }
        String text = flat.toString().strip();
        // Leading dots would make "..", "." or a hidden file of it.
        while (text.startsWith(".")) {
            text = text.substring(1);
        }
        return text.isEmpty() ? "file" : text;
    }
}
