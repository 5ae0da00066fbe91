package vn.mydrive.covid.source;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.mydrive.covid.SourceException;

/**
 * Finds the new cases by province in a bulletin's text, in the two ways it was printed. The Ministry of Health's
 * own: "... tại 3 tỉnh, thành phố (...). Các tỉnh, thành phố ghi nhận ca bệnh như sau: Hà Nội (2.910), TP. Hồ Chí
 * Minh (1.002), Đắk Lắk (87)." (its timeline: "+ 801 ca ghi nhận trong nước tại TP. Hồ Chí Minh (800), Hà Nội (1);
 * trong đó ...", and mid-2021's announcements: "40 ca mắc ghi nhận trong nước tại Hà Nội (24), Hải Dương (1), ...",
 * "48 ca mắc mới ghi nhận trong nước tại Bắc Giang (33 ca), ...", whose count is the list's total). The press's
 * retelling: "Trong đó, Bình Dương có 4.200 ca, TP.HCM 3.400 ca, Nghệ An và Thừa Thiên Huế mỗi tỉnh có 60 ca, ..."
 * (also after "Cụ thể:"). Names are capitalised words as written; the caller resolves them. Shapes and rules:
 * docs/configuration.md, "COVID sources: the shapes they read".
 */
final class BulletinLists {

    /** One province's figure as the text names it. */
    record Entry(String name, long cases) {
    }

    private static final String NAME = "(?:TP\\.\\s*|Tp\\.\\s*|TP\\s+)?\\p{Lu}\\p{L}*(?:(?:\\s+|\\s*[-–]\\s*)\\p{Lu}\\p{L}*)*"
            + "(?:\\[[^\\]]{0,12}\\]|\\*)?";
    private static final String COUNT = "\\d{1,3}(?:\\.\\d{3})+|\\d+";

    /** After this the ministry's list must follow: anything else there is a changed or broken page. */
    private static final Pattern MINISTRY_START = Pattern.compile("ghi nhận ca bệnh như sau\\s*:\\s*", Pattern.CASE_INSENSITIVE);
    /**
     * The wording before 2022 (the timeline's and mid-2021's), the total first: "801 ca", "40 ca mắc", "48 ca mắc
     * mới" then "ghi nhận trong nước tại". Also printed before "tại 62 tỉnh, thành phố", which is no list. The cases
     * isolated on arrival, often listed just before ("6 ca nhập cảnh tại TP.HCM (2), ..."), are not a province's.
     */
    private static final Pattern DOMESTIC_START = Pattern.compile("(" + COUNT + ")\\s+ca(?:\\s+mắc)?(?:\\s+mới)?"
            + "\\s+ghi nhận trong nước\\s+tại\\s*:?\\s*", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    /** "Name (count)", the count also as "(33 ca)" (mid-2021) or with a remark ("(3.300-giảm ...)"). */
    private static final Pattern MINISTRY_ENTRY = Pattern.compile("\\G(?:và\\s+)?(" + NAME
            + ")\\s*\\(\\s*(\\d{1,3}(?:[.,]\\d{3})+|\\d+)(?:\\s+ca)?\\s*(?:[-–—;,][^()]*)?\\)");
    private static final Pattern ANNOUNCED = Pattern.compile("tại (\\d+) tỉnh,? thành(?: phố)?", Pattern.CASE_INSENSITIVE);

    private static final Pattern PRESS_START = Pattern.compile(
            "(?:Trong đó|Cụ thể|Trong số (?:ca )?(?:mắc|nhiễm)[^,:.]{0,40})\\s*[,:]\\s*(?:tại\\s+)?");
    private static final Pattern PRESS_ENTRY = Pattern.compile("\\G((?:" + NAME + ")(?:\\s*,\\s*" + NAME + ")*(?:\\s+và\\s+"
            + NAME + ")?)\\s+(?:(?:có|ghi nhận|đều có|cùng có|mỗi (?:tỉnh, thành phố|tỉnh, thành|tỉnh/thành|tỉnh|thành phố|"
            + "địa phương)(?:\\s+có)?)\\s+)?(" + COUNT + ")(?:\\s+(?:ca|trường hợp))?(?=\\s*(?:[,;.…]|và\\s|$))");
    private static final Pattern JOINED_NAMES = Pattern.compile("\\s*,\\s*|\\s+và\\s+");

    private static final Pattern COMMA = Pattern.compile("\\G\\s*,\\s*");
    private static final Pattern AND = Pattern.compile("\\G\\s+và\\s+");
    private static final Pattern FULL_STOP = Pattern.compile("\\G\\s*\\.\\s+");
    /** How far before the list the ministry announces the number of provinces it holds. */
    private static final int ANNOUNCEMENT_REACH = 400;

    private BulletinLists() {
    }

    /**
     * The list in {@code text}: the ministry's form if there is one, else the press's; empty when neither is there.
     * {@code known} tells a province's name, so a sentence after the press list is not read as part of it.
     */
    static Optional<List<Entry>> read(String rawText, Predicate<String> known, String url) throws SourceException {
        String text = Normalizer.normalize(rawText, Normalizer.Form.NFC).replace('\u00a0', ' ');
        Optional<List<Entry>> ministry = ministry(text, url);
        return ministry.isPresent() ? ministry : press(text, known, url);
    }

    private static Optional<List<Entry>> ministry(String text, String url) throws SourceException {
        Matcher start = MINISTRY_START.matcher(text);
        if (start.find()) {
            List<Entry> entries = ministryEntries(text, start.end());
            if (entries.isEmpty()) {
                throw new SourceException("Cannot read the list after \"ghi nhận ca bệnh như sau:\" in " + url + ": \""
                        + excerpt(text, start.end()) + "\"");
            }
            checkAnnounced(text, start.start(), entries.size(), url);
            return Optional.of(entries);
        }
        Matcher domestic = DOMESTIC_START.matcher(text);
        while (domestic.find()) {
            List<Entry> entries = ministryEntries(text, domestic.end());
            if (!entries.isEmpty()) {
                checkTotal(Numbers.count(domestic.group(1)), entries, url);
                return Optional.of(entries);
            }
        }
        return Optional.empty();
    }

    /** A list that does not add up to the total printed before it was misread, or misprinted: neither is stored. */
    private static void checkTotal(long total, List<Entry> entries, String url) throws SourceException {
        long listed = entries.stream().mapToLong(Entry::cases).sum();
        if (listed != total) {
            throw new SourceException("The bulletin in " + url + " announces " + total
                    + " cases in the country but its provinces add up to " + listed);
        }
    }

    /** The entries from {@code from} on; a comma promises another entry, so what follows it must be one. */
    private static List<Entry> ministryEntries(String text, int from) throws SourceException {
        List<Entry> entries = new ArrayList<>();
        Matcher entry = MINISTRY_ENTRY.matcher(text);
        int at = from;
        while (true) {
            entry.region(at, text.length());
            if (!entry.lookingAt()) {
                if (!entries.isEmpty()) {
                    throw new SourceException("Cannot read \"" + excerpt(text, at) + "\" in the list of new cases");
                }
                return entries;
            }
            entries.add(new Entry(Footnotes.strip(entry.group(1)), Numbers.count(entry.group(2))));
            at = entry.end();
            Matcher next;
            if (!(next = COMMA.matcher(text).region(at, text.length())).lookingAt()
                    && !(next = AND.matcher(text).region(at, text.length())).lookingAt()) {
                return entries;
            }
            at = next.end();
        }
    }

    private static void checkAnnounced(String text, int listStart, int listed, String url) throws SourceException {
        Matcher announced = ANNOUNCED.matcher(text).region(Math.max(0, listStart - ANNOUNCEMENT_REACH), listStart);
        Integer count = null;
        while (announced.find()) {
            count = Integer.parseInt(announced.group(1));
        }
        if (count != null && count != listed) {
            throw new SourceException("The bulletin in " + url + " announces " + count + " provinces but lists " + listed);
        }
    }

    private static Optional<List<Entry>> press(String text, Predicate<String> known, String url) throws SourceException {
        Matcher start = PRESS_START.matcher(text);
        while (start.find()) {
            List<Entry> entries = pressEntries(text, start.end(), known);
            if (!entries.isEmpty()) {
                return Optional.of(entries);
            }
        }
        return Optional.empty();
    }

    /**
     * The press list from {@code from}: empty when it does not start with a known province (the marker led to
     * something else). It ends at a full stop unless the next sentence goes on naming provinces and counts.
     */
    private static List<Entry> pressEntries(String text, int from, Predicate<String> known) throws SourceException {
        List<Entry> entries = new ArrayList<>();
        Matcher entry = PRESS_ENTRY.matcher(text);
        int at = from;
        boolean mustContinue = false;
        while (true) {
            entry.region(at, text.length());
            List<String> names = entry.lookingAt() ? names(entry.group(1)) : List.of();
            boolean startsKnown = !names.isEmpty() && known.test(names.get(0));
            if (!startsKnown && (entries.isEmpty() || !mustContinue)) {
                return entries;
            }
            if (names.isEmpty()) {
                throw new SourceException("Cannot read \"" + excerpt(text, at) + "\" in the list of new cases");
            }
            long cases = Numbers.count(entry.group(2));
            for (String name : names) {
                entries.add(new Entry(name, cases));
            }
            at = entry.end();
            Matcher next;
            if ((next = COMMA.matcher(text).region(at, text.length())).lookingAt()
                    || (next = AND.matcher(text).region(at, text.length())).lookingAt()) {
                mustContinue = true;
            } else if ((next = FULL_STOP.matcher(text).region(at, text.length())).lookingAt()) {
                mustContinue = false;
            } else {
                return entries;
            }
            at = next.end();
        }
    }

    private static List<String> names(String joined) {
        return JOINED_NAMES.splitAsStream(joined).map(Footnotes::strip).filter(name -> !name.isEmpty()).toList();
    }

    private static String excerpt(String text, int at) {
        return text.substring(at, Math.min(text.length(), at + 40)).strip();
    }
}
