package vn.mydrive.covid.source;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
 * for ({@link BulletinPage}) are read from the page. A timeline is read a page at a time, newest first, following
 * its pager ({@link TimelinePager}) for at most {@code maxPages} pages, never to another host and never to a page
 * already read. A page with no list, or naming a place no one knows, fails the whole source, so nothing of it is
 * stored.
 */
public final class BulletinSource implements CovidSource {

    private final List<String> urls;
    private final PageFetcher fetcher;
    private final int maxPages;

    /** {@code maxPages}: how many pages of a timeline are read, its first included. */
    public BulletinSource(List<String> urls, Duration timeout, int maxPages) {
        if (maxPages < 1) {
            throw new IllegalArgumentException("A bulletin source reads at least one page, not " + maxPages);
        }
        this.urls = List.copyOf(urls);
        this.fetcher = new PageFetcher(timeout);
        this.maxPages = maxPages;
    }

    @Override
    public String name() {
        return "bulletin";
    }

    @Override
    public SourceData fetch(ProvinceDirectory provinces) throws SourceException {
        List<DailyFigure> daily = new ArrayList<>();
        Set<String> visited = new HashSet<>();
        for (String url : urls) {
            Bulletins bulletins = new Bulletins(provinces);
            Optional<String> next = Optional.of(url);
            for (int read = 0; read < maxPages && next.isPresent() && visited.add(TimelinePager.key(next.get())); read++) {
                Document page = fetcher.html(next.get());
                boolean fresh = bulletins.read(page, next.get());
                next = fresh && BulletinPage.isTimeline(page) ? TimelinePager.next(page, url) : Optional.empty();
            }
            daily.addAll(bulletins.figures());
        }
        return new SourceData(daily, List.of());
    }

    /** The figures of one page's bulletins: on a timeline, one per day. */
    static List<DailyFigure> parse(Document page, ProvinceDirectory provinces, String url) throws SourceException {
        Bulletins bulletins = new Bulletins(provinces);
        bulletins.read(page, url);
        return bulletins.figures();
    }

    /** The bulletins read from the pages of one configured address, one per day. */
    private static final class Bulletins {

        private final ProvinceDirectory provinces;
        private final Set<BulletinPage.Report> read = new HashSet<>();
        private final Map<LocalDate, List<DailyFigure>> byDay = new LinkedHashMap<>();

        Bulletins(ProvinceDirectory provinces) {
            this.provinces = provinces;
        }

        /**
         * Reads the page's announcements that list provinces; false when all of them were read before (the pager
         * led back to a page already read under another address), which ends the reading.
         * <p>
         * In 2021 the ministry's timeline had several announcements a day, each listing only the cases since the
         * one before: one alone is not the day's figure, and adding them up would guess at how they overlap, so a
         * second announcement listing provinces for a day already read, on this page or an earlier one, fails the
         * source. The same announcement met again (a new one published while reading moves every entry down a
         * place, so the next page begins with the last one read) is the same bulletin, read once.
         */
        boolean read(Document page, String url) throws SourceException {
            if (BulletinPage.undated(page)) {
                throw new SourceException("No bulletin day in " + url + " (no \"ngày d/m\" in the title, no published time)");
            }
            boolean listed = false;
            boolean fresh = false;
            for (BulletinPage.Report report : BulletinPage.reports(page)) {
                Optional<List<BulletinLists.Entry>> list = list(report, url);
                if (list.isEmpty()) {
                    continue;
                }
                listed = true;
                if (!read.add(report)) {
                    continue;
                }
                fresh = true;
                if (byDay.putIfAbsent(report.day(), figures(list.get(), report, url)) != null) {
                    throw new SourceException(url + " has several announcements listing provinces for " + report.day()
                            + "; none of them alone is that day's bulletin");
                }
            }
            if (!listed) {
                throw new SourceException("No list of new cases by province in " + url + " (not \"Các tỉnh, thành"
                        + " phố ghi nhận ca bệnh như sau: X (n), ...\", \"N ca mắc ghi nhận trong nước tại X (n), ...\""
                        + " nor \"Trong đó, X có n ca, ...\"; has the page changed?)");
            }
            return fresh;
        }

        List<DailyFigure> figures() {
            return byDay.values().stream().flatMap(List::stream).toList();
        }

        private Optional<List<BulletinLists.Entry>> list(BulletinPage.Report report, String url) throws SourceException {
            return BulletinLists.read(report.text(), name -> provinces.find(name).isPresent(), url);
        }

        private List<DailyFigure> figures(List<BulletinLists.Entry> list, BulletinPage.Report report, String url)
                throws SourceException {
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
}
