package vn.mydrive.platform.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;

/**
 * {@code Content-Disposition} (attachment or inline) with the real file name: RFC 6266/5987 {@code filename*} in UTF-8
 * for every current browser and tool (so "Chung khảo (7).jpg" survives), and a plain ASCII {@code filename}
 * for old ones.
 */
public final class ContentDisposition {

    private ContentDisposition() {
    }

    public static String attachment(String name) {
        return "attachment" + names(name);
    }

    /** Shown in the browser; the name is still the one a "save as" proposes. */
    public static String inline(String name) {
        return "inline" + names(name);
    }

    private static String names(String name) {
        return "; filename=\"" + asciiFallback(name) + "\"; filename*=UTF-8''" + percentEncode(name);
    }

    private static String asciiFallback(String name) {
        String plain = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}+", "")
                .replace('đ', 'd').replace('Đ', 'D');
        StringBuilder ascii = new StringBuilder(plain.length());
        for (char c : plain.toCharArray()) {
            ascii.append(c >= 0x20 && c < 0x7f && c != '"' && c != '\\' ? c : '_');
        }
        return ascii.toString();
    }

    private static String percentEncode(String name) {
        // URLEncoder is form encoding: turn its '+' for space back into %20, and keep it strict otherwise.
        return URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
