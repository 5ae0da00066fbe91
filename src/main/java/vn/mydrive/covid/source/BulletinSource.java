package vn.mydrive.covid.source;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import vn.mydrive.covid.CovidSource;
import vn.mydrive.covid.DailyFigure;
import vn.mydrive.covid.DayInput;
import vn.mydrive.covid.Province;
import vn.mydrive.covid.ProvinceDirectory;
import vn.mydrive.covid.SourceData;
import vn.mydrive.covid.SourceException;
import vn.mydrive.platform.time.VietnamTime;

/**
 * The Health Ministry's daily bulletin as news pages print it: "... ca mắc mới tại 61 tỉnh, thành phố: Hà Nội
 * (1.000), Bình Phước (998), ..." for the day the page names ("ngày 15/12/2021", or its publication time).
 * Gives each listed province's new cases for that day.
 */
public final class BulletinSource implements CovidSource {

    private static final Pattern LIST_START = Pattern.compile(
            "ca mắc mới tại (\\d+) tỉnh,? thành(?: phố)?\\s*(?:\\([^)]*\\))?\\s*:", Pattern.CASE_INSENSITIVE);
    private static final Pattern ENTRY = Pattern.compile("\\G\\s*(?:và\\s+)?([^(),:;]{2,60}?)\\s*\\(([\\d.,\\s]+)\\)\\s*[,;]?");
    private static final Pattern DAY = Pattern.compile("ngày\\s+(\\d{1,2}[/-]\\d{1,2}[/-]\\d{4})", Pattern.CASE_INSENSITIVE);

    private final List<String> urls;
    private final PageFetcher fetcher;

    public BulletinSource(List<String> urls, java.time.Duration timeout) {
        this.urls = List.copyOf(urls);
        this.fetcher = new PageFetcher(timeout);
    }

    @Override
    public String name() {
        return "bulletin";
    }

    @Override
    public SourceData fetch(ProvinceDirectory provinces) throws SourceException {
        List<DailyFigure> daily = new ArrayList<>();
        for (String url : urls) {
            daily.addAll(parse(fetcher.html(url), provinces, url));
        }
        return new SourceData(daily, List.of());
    }

    /** The figures of one bulletin page. */
    static List<DailyFigure> parse(Document page, ProvinceDirectory provinces, String url) throws SourceException {
        String text = page.body() == null ? "" : page.body().text();
        LocalDate day = day(page, text).orElseThrow(() -> new SourceException("No bulletin date in " + url));
        Matcher start = LIST_START.matcher(text);
        if (!start.find()) {
            throw new SourceException("No list of new cases by province in " + url + " (has the page changed?)");
        }
        int announced = Integer.parseInt(start.group(1));
        Map<Integer, DailyFigure> figures = new LinkedHashMap<>();
        Matcher entry = ENTRY.matcher(text);
        entry.region(start.end(), text.length());
        while (entry.find()) {
            String name = entry.group(1).strip();
            Province province = provinces.find(name)
                    .orElseThrow(() -> new SourceException("Unknown province \"" + name + "\" in " + url));
            long cases = Numbers.count(entry.group(2));
            if (figures.put(province.code(), new DailyFigure(province.code(), day, cases, null)) != null) {
                throw new SourceException(province.name() + " is listed twice in " + url);
            }
        }
        if (figures.size() != announced) {
            throw new SourceException("The bulletin in " + url + " announces " + announced + " provinces but lists "
                    + figures.size());
        }
        return new ArrayList<>(figures.values());
    }

    private static Optional<LocalDate> day(Document page, String text) {
        Matcher inText = DAY.matcher(text);
        if (inText.find()) {
            return DayInput.parse(inText.group(1));
        }
        Element published = page.selectFirst("meta[property=article:published_time], time[datetime]");
        if (published != null) {
            String value = published.hasAttr("content") ? published.attr("content") : published.attr("datetime");
            try {
                return Optional.of(Instant.parse(value).atZone(VietnamTime.ZONE).toLocalDate());
            } catch (java.time.format.DateTimeParseException e) {
                return DayInput.parse(value.length() >= 10 ? value.substring(0, 10) : value);
            }
        }
        return Optional.empty();
    }
}
