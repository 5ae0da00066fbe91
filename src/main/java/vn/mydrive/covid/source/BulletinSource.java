package vn.mydrive.covid.source;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jsoup.nodes.Document;
import vn.mydrive.covid.CovidSource;
import vn.mydrive.covid.DailyFigure;
import vn.mydrive.covid.Province;
import vn.mydrive.covid.ProvinceDirectory;
import vn.mydrive.covid.SourceData;
import vn.mydrive.covid.SourceException;

/**
 * The Health Ministry's daily bulletin, from its own COVID timeline or from news pages that reprinted it: each
 * listed province's new cases for the bulletin's day. Where the list is ({@link BulletinLists}) and which day it is
 * for ({@link BulletinPage}) are read from the page; a page with no list, or naming a place no one knows, fails
 * the whole source, so nothing of it is stored.
 */
public final class BulletinSource implements CovidSource {

    private final List<String> urls;
    private final PageFetcher fetcher;

    public BulletinSource(List<String> urls, Duration timeout) {
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

    /** The figures of one page's bulletin: on a timeline, the newest announcement that lists provinces. */
    static List<DailyFigure> parse(Document page, ProvinceDirectory provinces, String url) throws SourceException {
        if (BulletinPage.undated(page)) {
            throw new SourceException("No bulletin day in " + url + " (no \"ngày d/m\" in the title, no published time)");
        }
        List<BulletinPage.Report> reports = BulletinPage.reports(page);
        for (BulletinPage.Report report : reports) {
            Optional<List<BulletinLists.Entry>> list = list(report, provinces, url);
            if (list.isPresent()) {
                refuseSeveralFor(report, reports, provinces, url);
                return figures(list.get(), report, provinces, url);
            }
        }
        throw new SourceException("No list of new cases by province in " + url + " (neither \"Các tỉnh, thành phố ghi"
                + " nhận ca bệnh như sau: X (n), ...\" nor \"Trong đó, X có n ca, ...\"; has the page changed?)");
    }

    private static Optional<List<BulletinLists.Entry>> list(BulletinPage.Report report, ProvinceDirectory provinces,
            String url) throws SourceException {
        return BulletinLists.read(report.text(), name -> provinces.find(name).isPresent(), url);
    }

    /**
     * In 2021 the ministry's timeline had several announcements a day, each listing only the cases since the one
     * before: the newest alone is not the day's figure, and adding them up would guess at how they overlap.
     */
    private static void refuseSeveralFor(BulletinPage.Report newest, List<BulletinPage.Report> reports,
            ProvinceDirectory provinces, String url) throws SourceException {
        for (BulletinPage.Report other : reports) {
            if (other != newest && other.day().equals(newest.day()) && list(other, provinces, url).isPresent()) {
                throw new SourceException(url + " has several announcements listing provinces for " + newest.day()
                        + "; none of them alone is that day's bulletin");
            }
        }
    }

    private static List<DailyFigure> figures(List<BulletinLists.Entry> list, BulletinPage.Report report,
            ProvinceDirectory provinces, String url) throws SourceException {
        Map<Integer, DailyFigure> figures = new LinkedHashMap<>();
        for (BulletinLists.Entry entry : list) {
            Province province = provinces.find(entry.name())
                    .orElseThrow(() -> new SourceException("Unknown province \"" + entry.name() + "\" in " + url));
            if (figures.put(province.code(), new DailyFigure(province.code(), report.day(), entry.cases(), null)) != null) {
                throw new SourceException(province.name() + " is listed twice in " + url);
            }
        }
        return new ArrayList<>(figures.values());
    }
}
