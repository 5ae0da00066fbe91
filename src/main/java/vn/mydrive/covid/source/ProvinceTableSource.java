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
 * A statistics table by province, shaped like Vietnamese Wikipedia's ({@code table.wikitable}: province,
 * cases, deaths, recovered; a whole-country row; footnote marks such as [a]). Gives each province's totals.
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
        Element table = page.selectFirst("table.wikitable");
        if (table == null) {
            throw new SourceException("No table.wikitable in " + url + " (has the page changed?)");
        }
        List<ProvinceTotal> totals = new ArrayList<>();
        Set<Integer> seen = new HashSet<>();
        for (Element row : table.select("tr")) {
            Elements cells = row.select("th, td");
            if (cells.size() < 2 || row.select("td").isEmpty()) {
                continue;
            }
            String name = withoutFootnotes(cells.get(0).text());
            if (COUNTRY_ROWS.contains(PlaceNames.normalize(name)) || name.isBlank()) {
                continue;
            }
            Province province = provinces.find(name)
                    .orElseThrow(() -> new SourceException("Unknown province \"" + name + "\" in " + url));
            long cases = Numbers.count(withoutFootnotes(cells.get(1).text()));
            Long deaths = cells.size() > 2 ? optionalCount(cells.get(2).text()) : null;
            Long recovered = cells.size() > 3 ? optionalCount(cells.get(3).text()) : null;
            if (!seen.add(province.code())) {
                throw new SourceException(province.name() + " has two rows in " + url);
            }
            totals.add(new ProvinceTotal(province.code(), cases, deaths, recovered, "table", asOf));
        }
        if (totals.size() < MIN_PROVINCES) {
            throw new SourceException("The table in " + url + " has " + totals.size() + " provinces; expected "
                    + MIN_PROVINCES + " or more");
        }
        return totals;
    }

    private static Long optionalCount(String text) throws SourceException {
        String value = withoutFootnotes(text);
        return value.isEmpty() || value.equals("-") || value.equals("—") || value.equals("–") ? null : Numbers.count(value);
    }

    private static String withoutFootnotes(String text) {
        return text.replaceAll("\\[[^\\]]*\\]", "").strip();
    }
}
