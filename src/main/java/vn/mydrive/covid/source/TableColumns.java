package vn.mydrive.covid.source;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jsoup.nodes.Element;
import vn.mydrive.covid.SourceException;

/**
 * Which column of a statistics table holds what, read from its header text, so a table that adds, drops or
 * reorders columns ("đang điều trị", "khác") is still read right, and one whose headers say nothing known is
 * refused instead of guessed. The lowest header cell over a column decides; the cells above it ("Số ca" spanning
 * five columns) only when it says nothing known.
 */
record TableColumns(int province, int cases, Integer deaths, Integer recovered) {

    /** What a column can hold; those the source does not store are still recognised, so they are not misread. */
    enum Role {
        DEATHS("tu vong", "deaths", "died"),
        RECOVERED("hoi phuc", "khoi", "recovered"),
        ACTIVE("dang dieu tri", "active"),
        OTHER("khac", "other"),
        CASES("ca nhiem", "ca mac", "so ca", "nhiem", "cases", "confirmed"),
        PROVINCE("tinh", "thanh pho", "dia phuong", "province");

        private final List<String> words;

        Role(String... words) {
            this.words = List.of(words);
        }

        /** Checked in declaration order: "Số ca tử vong" is about deaths, not cases. */
        static Optional<Role> of(String header) {
            String text = plain(Footnotes.strip(header));
            for (Role role : values()) {
                if (role.words.stream().anyMatch(word -> (" " + text + " ").contains(" " + word + " "))) {
                    return Optional.of(role);
                }
            }
            return Optional.empty();
        }

        /** Lower case without diacritics; not {@link vn.mydrive.covid.PlaceNames}, which drops a leading "Tỉnh". */
        private static String plain(String header) {
            String bare = Normalizer.normalize(header, Normalizer.Form.NFD).replaceAll("\\p{M}+", "")
                    .replace('đ', 'd').replace('Đ', 'd').toLowerCase(Locale.ROOT);
            return bare.replaceAll("[^a-z0-9]+", " ").strip();
        }
    }

    /** The columns the header rows name; refused when the province or cases column is missing or doubled. */
    static TableColumns of(List<List<Element>> headerRows, String url) throws SourceException {
        int width = headerRows.stream().mapToInt(List::size).max().orElse(0);
        Map<Role, Integer> found = new EnumMap<>(Role.class);
        List<String> seen = new ArrayList<>();
        for (int column = 0; column < width; column++) {
            Optional<Role> role = Optional.empty();
            for (int row = headerRows.size() - 1; row >= 0 && role.isEmpty(); row--) {
                List<Element> cells = headerRows.get(row);
                if (column < cells.size()) {
                    role = Role.of(cells.get(column).text());
                }
            }
            seen.add(role.map(Role::name).orElse("?"));
            if (role.isPresent() && found.put(role.get(), column) != null) {
                throw new SourceException("Two columns of the table in " + url + " read as " + role.get()
                        + " (" + seen + "); refusing to guess which one");
            }
        }
        if (!found.containsKey(Role.PROVINCE) || !found.containsKey(Role.CASES)) {
            throw new SourceException("Cannot tell the province and cases columns of the table in " + url
                    + " from its headers " + headerTexts(headerRows) + " (has the page changed?)");
        }
        return new TableColumns(found.get(Role.PROVINCE), found.get(Role.CASES), found.get(Role.DEATHS),
                found.get(Role.RECOVERED));
    }

    private static List<String> headerTexts(List<List<Element>> headerRows) {
        return headerRows.stream().flatMap(List::stream).distinct().map(Element::text).toList();
    }
}
