package vn.mydrive.covid.source;

import java.util.regex.Pattern;
import vn.mydrive.covid.SourceException;

/**
 * Reads counts as Vietnamese pages print them: "1.000" and "1,000" are one thousand, "12.345.678" is twelve
 * million. Anything else (decimals, words, negative numbers) is refused rather than guessed.
 */
final class Numbers {

    private static final Pattern GROUPED = Pattern.compile("\\d{1,3}([.,]\\d{3})*|\\d+");

    private Numbers() {
    }

    static long count(String text) throws SourceException {
        String trimmed = text == null ? "" : text.strip().replace("\u00a0", "").replace(" ", "");
        if (!GROUPED.matcher(trimmed).matches() || trimmed.length() > 18) {
            throw new SourceException("Not a count: \"" + (text == null ? "" : text.strip()) + "\"");
        }
        return Long.parseLong(trimmed.replace(".", "").replace(",", ""));
    }
}
