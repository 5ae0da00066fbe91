package vn.mydrive.covid;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The one normaliser for province names, used for what people type and for what sources print: lower case,
 * no diacritics ("đ" is "d"), punctuation as spaces, single spaces, and no "TP.", "Thành phố" or "Tỉnh"
 * prefix. "TP. Hồ Chí Minh", "thanh pho ho chi minh" and "Hồ  Chí Minh" all become "ho chi minh".
 */
public final class PlaceNames {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_ALPHANUMERIC = Pattern.compile("[^a-z0-9]+");
    private static final Pattern PREFIX = Pattern.compile("^(tp|thanh pho|tinh|t p)\\s+");

    private PlaceNames() {
    }

    public static String normalize(String name) {
        if (name == null) {
            return "";
        }
        String plain = MARKS.matcher(Normalizer.normalize(name, Normalizer.Form.NFD)).replaceAll("")
                .replace('đ', 'd').replace('Đ', 'd').toLowerCase(Locale.ROOT);
        String spaced = NOT_ALPHANUMERIC.matcher(plain).replaceAll(" ").strip();
        return PREFIX.matcher(spaced).replaceFirst("");
    }

    /** Edit distance between two normalised names, for "did you mean" suggestions. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
