package vn.mydrive.covid.source;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import vn.mydrive.covid.CovidSource;
import vn.mydrive.covid.PlaceNames;
import vn.mydrive.covid.Province;
import vn.mydrive.covid.ProvinceDirectory;
import vn.mydrive.covid.ProvinceTotal;
import vn.mydrive.covid.SourceData;
import vn.mydrive.covid.SourceException;

/**
 * A statistics table by province, shaped like Vietnamese Wikipedia's template "Dữ liệu đại dịch COVID-19/Số ca nhiễm
 * theo tỉnh thành tại Việt Nam" ({@code table.wikitable}: province | cases | under treatment | other | recovered |
 * deaths, grouped headers, a sums row, footnote marks such as [a]). Columns are found by their header text
 * ({@link TableColumns}), never by position. Gives each province's totals.
 */
public final class ProvinceTableSource implements CovidSource {

    /** Fewer rows than this means the page is not the table it used to be. */
    static final int MIN_PROVINCES = 50;
    private static final Set<String> COUNTRY_ROWS = Set.of("ca nuoc", "tong", "tong cong", "tong so", "viet nam",
            "toan quoc", "total");

    private final String url;
    private final PageFetcher fetcher;

    public ProvinceTableSource(String url, Duration timeout) {
        this.url = url;
        this.fetcher = new PageFetcher(timeout);
    }

    @Override
    public String name() {
        return "table";
    }

    @Override
    public SourceData fetch(ProvinceDirectory provinces) throws SourceException {
        return new SourceData(List.of(), parse(fetcher.html(url), provinces, url, Instant.now()));
    }

    static List<ProvinceTotal> parse(Document page, ProvinceDirectory provinces, String url, Instant asOf)
            throws SourceException {
        Elements tables = page.select("table.wikitable");
        if (tables.isEmpty()) {
            throw new SourceException("No table.wikitable in " + url + " (has the page changed?)");
        }
        SourceException unreadable = null;
        for (Element table : tables) {
            List<List<Element>> grid = TableGrid.of(table);
            int headerRows = headerRows(grid);
            TableColumns columns;
            try {
                columns = TableColumns.of(grid.subList(0, headerRows), url);
            } catch (SourceException notThisTable) {
                // An article has other wikitables (timelines, vaccinations); the first one that maps is the one.
                unreadable = unreadable == null ? notThisTable : unreadable;
                continue;
            }
            return totals(grid.subList(headerRows, grid.size()), columns, provinces, url, asOf);
        }
        throw unreadable;
    }

    /** The header rows are those before the first row with a data cell (a row of only th is a header or the sums). */
    private static int headerRows(List<List<Element>> grid) {
        int rows = 0;
        while (rows < grid.size() && grid.get(rows).stream().noneMatch(cell -> cell.normalName().equals("td"))) {
            rows++;
        }
        return rows;
    }

    private static List<ProvinceTotal> totals(List<List<Element>> rows, TableColumns columns,
            ProvinceDirectory provinces, String url, Instant asOf) throws SourceException {
        List<ProvinceTotal> totals = new ArrayList<>();
        Set<Integer> seen = new HashSet<>();
        for (List<Element> cells : rows) {
            if (cells.size() <= columns.province() || cells.stream().noneMatch(cell -> cell.normalName().equals("td"))) {
                continue;
            }
            String name = Footnotes.text(cells.get(columns.province()));
            if (name.isBlank() || COUNTRY_ROWS.contains(PlaceNames.normalize(name))) {
                continue;
            }
            Province province = provinces.find(name)
                    .orElseThrow(() -> new SourceException("Unknown province \"" + name + "\" in " + url));
            if (!seen.add(province.code())) {
                throw new SourceException(province.name() + " has two rows in " + url);
            }
            Long cases = count(cells, columns.cases());
            if (cases == null) {
                continue; // A province whose total the table does not know has nothing to store.
            }
            totals.add(new ProvinceTotal(province.code(), cases, count(cells, columns.deaths()),
                    count(cells, columns.recovered()), "table", asOf));
        }
        if (totals.size() < MIN_PROVINCES) {
            throw new SourceException("The table in " + url + " has " + totals.size() + " provinces; expected "
                    + MIN_PROVINCES + " or more");
        }
        return totals;
    }

    /** The count in a column, or null when the table has no such column or prints no figure ("—", empty). */
    private static Long count(List<Element> cells, Integer column) throws SourceException {
        if (column == null || column >= cells.size()) {
            return null;
        }
        String value = Footnotes.text(cells.get(column));
        return value.isEmpty() || value.equals("-") || value.equals("—") || value.equals("–") ? null : Numbers.count(value);
    }
}
