package vn.mydrive.drive;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Locale;

/**
 * What a stored file may be called. Names are kept as people wrote them (Vietnamese included, normalised to
 * NFC), but never as paths: no separators, no "." or "..", no control characters, at most 255 UTF-8 bytes.
 */
public final class FileNames {

    public static final int MAX_BYTES = 255;

    private FileNames() {
    }

    /** The name to store, or an exception saying why it cannot be one. */
    public static String check(String name) {
        if (name == null || name.isBlank()) {
            throw new DriveExceptions.InvalidFileNameException("A file needs a name.");
        }
        String nfc = Normalizer.normalize(name.strip(), Normalizer.Form.NFC);
        if (nfc.equals(".") || nfc.equals("..") || nfc.indexOf('/') >= 0 || nfc.indexOf('\\') >= 0) {
            throw new DriveExceptions.InvalidFileNameException("A file name cannot be a path.");
        }
        if (nfc.codePoints().anyMatch(c -> Character.isISOControl(c) || c == 0x2028 || c == 0x2029
                || Character.getType(c) == Character.FORMAT && c != 0x200D)) {
            throw new DriveExceptions.InvalidFileNameException("A file name cannot contain control characters.");
        }
        if (nfc.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw new DriveExceptions.InvalidFileNameException("A file name is at most " + MAX_BYTES + " bytes.");
        }
        return nfc;
    }

    /** Lower case without diacritics ("Chung khảo" -> "chung khao"), the form name filters match against. */
    public static String searchable(String text) {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        return decomposed.replace('đ', 'd').replace('Đ', 'D').toLowerCase(Locale.ROOT);
    }
}
