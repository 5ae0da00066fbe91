package vn.mydrive.covid.source;

import java.util.regex.Pattern;
import org.jsoup.nodes.Element;

/**
 * Footnote marks as pages print them ("TP. Hồ Chí Minh[a]", "1.234[12]", "Khánh Hòa*"): they are not part of a
 * name or a number, and a source that kept them would find no province and no count.
 */
final class Footnotes {

    private static final Pattern MARKS = Pattern.compile("\\[[^\\]]{0,12}\\]|\\*+");

    private Footnotes() {
    }

    static String strip(String text) {
        return MARKS.matcher(text).replaceAll("").strip();
    }

    /** A cell's text without its footnote links ({@code <sup class="reference">}) or marks. */
    static String text(Element cell) {
        Element copy = cell.clone();
        copy.select("sup").remove();
        return strip(copy.text());
    }
}
