package vn.mydrive.covid.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.mydrive.covid.DailyFigure;
import vn.mydrive.covid.ProvinceDirectory;
import vn.mydrive.covid.SnapshotLoader;
import vn.mydrive.covid.SourceException;

/**
 * The bulletin in the wordings it was printed in: the ministry's list with counts in parentheses (its 2022 form
 * after "ghi nhận ca bệnh như sau:", its mid-2021 form after "N ca mắc ghi nhận trong nước tại"), the press's
 * "X có N ca, Y N ca" (with "X và Y mỗi tỉnh có N ca", and its sentence breaks), names as written, and the day from
 * the title or the published time; the ministry's timeline read through its pager, page 1 holding 23/01 and 22/01,
 * page 2 21/01 and 20/01, page 3 19/01 (each test its own scenario, so the pages it asked for can be checked). Pages
 * are served by {@link FixtureSources}, as the real sites served them.
 */
class BulletinSourceTest {

    private static final ProvinceDirectory PROVINCES = new ProvinceDirectory(SnapshotLoader.provinces());
    private static final LocalDate D23 = LocalDate.of(2022, 1, 23);
    private static final LocalDate D22 = LocalDate.of(2022, 1, 22);
    private static final LocalDate D21 = LocalDate.of(2022, 1, 21);
    private static final LocalDate D20 = LocalDate.of(2022, 1, 20);
    private static final LocalDate D19 = LocalDate.of(2022, 1, 19);
    private static FixtureSources fixtures;

    @BeforeAll
    static void start() {
        fixtures = new FixtureSources(0);
    }

    @AfterAll
    static void stop() {
        fixtures.close();
    }

    @Test
    void theMinistrysListReadsNamesAsWritten() throws SourceException {
        Map<Integer, Long> cases = cases(fetch("bulletin-names.html"), LocalDate.of(2022, 1, 23));

        assertEquals(Map.of(33, 282L, 52, 73L, 1, 2910L, 41, 3300L, 63, 1L, 6, 1035L), cases,
                "Thừa Thiên Huế, Bà Rịa - Vũng Tàu, Hà Nội[a], Khánh Hoà (with a remark), Đắk Nông, Cao Bằng after \"và\"");
    }

    @Test
    void theArticleBodyIsReadNotTheTeasersBesideIt() throws SourceException {
        Map<Integer, Long> cases = cases(fetch("bulletin.html"), LocalDate.of(2022, 1, 23));

        assertEquals(Map.of(1, 2910L, 2, 1002L, 40, 87L), cases, "the sidebar's Đà Nẵng (1.013) of 22/1 is not read");
    }

    @Test
    void thePressFormGoesOnAcrossSentencesAndSharedCounts() throws SourceException {
        Map<Integer, Long> cases = cases(fetch("bulletin-press.html"), LocalDate.of(2021, 8, 20));

        assertEquals(14, cases.size(), cases::toString);
        assertEquals(4200L, cases.get(44), "Bình Dương có 4.200 ca");
        assertEquals(3400L, cases.get(2), "TP.HCM 3.400 ca");
        assertEquals(150L, cases.get(55), "Cần Thơ 150 và ...");
        assertEquals(150L, cases.get(41), "... Khánh Hòa đều có 150 ca");
        assertEquals(120L, cases.get(46), "Tây Ninh, after a full stop");
        assertEquals(60L, cases.get(29), "Nghệ An và Thừa Thiên Huế mỗi tỉnh có 60 ca");
        assertEquals(60L, cases.get(33));
        assertEquals(55L, cases.get(52), "Bà Rịa - Vũng Tàu");
        assertEquals(2L, cases.get(14), "Ninh Bình và Sơn La mỗi địa phương có 2 ca");
    }

    @Test
    void theMid2021WordingGivesTheDomesticListNotTheCasesIsolatedOnArrival() throws SourceException {
        // Follows Thanh Niên's reprint of the ministry's 7 May 2021 announcement (see the fixture's comment).
        Map<Integer, Long> cases = cases(fetch("bulletin-mid2021.html"), LocalDate.of(2021, 5, 7));

        assertEquals(Map.of(1, 22L, code("Hải Dương"), 2L, code("Điện Biên"), 1L, code("Hà Nam"), 1L, code("Nghệ An"), 1L,
                code("Hưng Yên"), 4L, code("Nam Định"), 1L, code("Đà Nẵng"), 6L, code("Phú Thọ"), 1L, code("Vĩnh Phúc"), 1L),
                cases, "after \"40 ca mắc ghi nhận trong nước tại\"; Đà Nẵng's 2 arrivals, Quảng Trị's and Bình Thuận's"
                        + " are no province's new cases, nor the related news' Hà Nội (19)");
    }

    @Test
    void theMid2021WordingReadsCountsWrittenWithCa() throws SourceException {
        // Follows the wording quoted on hatinh24h.com.vn for 18 May 2021 (see the fixture's comment).
        Map<Integer, Long> cases = cases(fetch("bulletin-mid2021-ca.html"), LocalDate.of(2021, 5, 18));

        assertEquals(Map.of(code("Bắc Giang"), 31L, code("Bắc Ninh"), 15L, code("Điện Biên"), 1L, code("Thái Bình"), 1L),
                cases, "\"48 ca mắc mới ghi nhận trong nước tại Bắc Giang (31 ca), ...\"");
    }

    @Test
    void aMid2021ListThatDoesNotAddUpToItsTotalIsRefused() {
        String failure = assertThrows(SourceException.class, () -> BulletinSource.parse(Jsoup.parse(article(
                "32 ca mắc ghi nhận trong nước tại Bắc Ninh (29), Hà Nội (1), Lạng Sơn (1).")), PROVINCES, "test"))
                .getMessage();

        assertTrue(failure.contains("announces 32 cases in the country but its provinces add up to 31"), failure);
    }

    @Test
    void aMid2021ListNamingAnUnknownPlaceIsRefused() {
        String failure = assertThrows(SourceException.class, () -> BulletinSource.parse(Jsoup.parse(article(
                "31 ca mắc ghi nhận trong nước tại Bắc Ninh (29), Atlantis (1), Lạng Sơn (1).")), PROVINCES, "test"))
                .getMessage();

        assertTrue(failure.contains("Unknown province \"Atlantis\""), failure);
    }

    @Test
    void theTimelinesMid2021AnnouncementsAreReadOnePerDay() throws SourceException {
        // The wording of the ministry's mid-2021 announcements in its timeline's layout (timeline-1.html), upper-case
        // heading and all; one announcement listing provinces a day, as the timeline must have to be read.
        String item = "<ul><li><div class=\"timeline\"><div class=\"timeline-detail\"><div class=\"timeline-head\">"
                + "<h3>18:30 %s</h3></div><div class=\"timeline-content\"><p>THÔNG BÁO VỀ %s CA MẮC MỚI</p><p>%s</p></div>"
                + "</div></div></li></ul>";
        String page = "<html><body><div class=\"timeline-sec\">"
                + item.formatted("13/05/2021", "31", "31 ca mắc ghi nhận trong nước tại Bắc Ninh (29), Hà Nội (1), Lạng Sơn (1).")
                + item.formatted("12/05/2021", "135", "135 ca mắc mới ghi nhận trong nước tại Bắc Giang (87), Bắc Ninh (34),"
                        + " Hà Nội (10), Đà Nẵng (4).")
                + "</div></body></html>";
        Map<LocalDate, Map<Integer, Long>> days = days(BulletinSource.parse(Jsoup.parse(page), PROVINCES, "test"));

        assertEquals(Map.of(code("Bắc Ninh"), 29L, 1, 1L, code("Lạng Sơn"), 1L), days.get(LocalDate.of(2021, 5, 13)));
        assertEquals(Map.of(code("Bắc Giang"), 87L, code("Bắc Ninh"), 34L, 1, 10L, code("Đà Nẵng"), 4L),
                days.get(LocalDate.of(2021, 5, 12)));
    }

    @Test
    void withoutADayInTheTitleThePublishedTimeGivesIt() throws SourceException {
        Map<Integer, Long> cases = cases(fetch("bulletin-press-published.html"), LocalDate.of(2022, 1, 23));

        assertEquals(Map.of(1, 2910L, 2, 1002L, 40, 87L), cases, "Cụ thể: Hà Nội 2.910 ca, ...");
    }

    @Test
    void aTitleDayTakesItsYearFromThePublishedTime() throws SourceException {
        String page = "<html><head><meta property=\"article:published_time\" content=\"2022-01-01T08:00:00+07:00\">"
                + "<title>Ngày 31/12: thêm 16.000 ca</title></head><body><article>Các tỉnh, thành phố ghi nhận ca bệnh"
                + " như sau: Hà Nội (1.000).</article></body></html>";
        List<DailyFigure> figures = BulletinSource.parse(Jsoup.parse(page), PROVINCES, "test");

        assertEquals(LocalDate.of(2021, 12, 31), figures.get(0).date(), "published on 1 January, the bulletin is last year's");
    }

    @Test
    void aPageWithNeitherFormOrAnUnknownPlaceOrNoDayIsRefusedWhole() {
        assertTrue(failure("bulletin-changed.html").contains("No list of new cases by province"));
        assertTrue(failure("bulletin-press-unknown.html").contains("Unknown province \"Atlantis\""));
        assertTrue(failure("bulletin-unknown.html").contains("Unknown province \"Atlantis\""));
        String undated = "<html><head><title>Tin COVID-19</title></head><body><article>Các tỉnh, thành phố ghi nhận ca"
                + " bệnh như sau: Hà Nội (1.000).</article></body></html>";
        assertTrue(assertThrows(SourceException.class, () -> BulletinSource.parse(Jsoup.parse(undated), PROVINCES, "test"))
                .getMessage().contains("No bulletin day"));
    }

    @Test
    void aListThatDisagreesWithItsAnnouncedCountIsRefused() {
        String page = "<html><head><title>Ngày 23/1/2022</title></head><body><article>ghi nhận 3.999 ca nhiễm mới tại 3"
                + " tỉnh, thành phố. Các tỉnh, thành phố ghi nhận ca bệnh như sau: Hà Nội (2.910), Đắk Lắk (87).</article>"
                + "</body></html>";
        assertTrue(assertThrows(SourceException.class, () -> BulletinSource.parse(Jsoup.parse(page), PROVINCES, "test"))
                .getMessage().contains("announces 3 provinces but lists 2"));
    }

    @Test
    void aTimelineWithSeveralAnnouncementsForADayIsRefused() {
        String item = "<div class=\"timeline-detail\"><div class=\"timeline-head\"><h3>%s 14/07/2021</h3></div>"
                + "<div class=\"timeline-content\"><p>+ %d ca ghi nhận trong nước tại TP. Hồ Chí Minh (%d), Hà Nội (1);"
                + " trong đó ...</p></div></div>";
        String page = "<html><body>" + item.formatted("18:40", 801, 800) + item.formatted("06:00", 601, 600) + "</body></html>";
        assertTrue(assertThrows(SourceException.class, () -> BulletinSource.parse(Jsoup.parse(page), PROVINCES, "test"))
                .getMessage().contains("several announcements listing provinces for 2021-07-14"));
    }

    @Test
    void everyPageOfTheTimelineGivesEachOfItsDaysUntilThePagerEnds() throws SourceException {
        Map<LocalDate, Map<Integer, Long>> days = days(timeline("all", 5));

        assertEquals(List.of(D23, D22, D21, D20, D19), List.copyOf(days.keySet()));
        assertEquals(Map.of(1, 2910L, 2, 1002L, code("Đắk Lắk"), 87L), days.get(D23), "page 1's newest");
        assertEquals(Map.of(1, 2963L, code("Đà Nẵng"), 12744L), days.get(D22), "page 1's older day");
        assertEquals(Map.of(1, 1200L, code("Hải Phòng"), 400L, code("Bắc Ninh"), 50L), days.get(D21), "page 2");
        assertEquals(Map.of(1, 700L, code("Quảng Ninh"), 77L), days.get(D19), "page 3");
        assertEquals(List.of(1, 2, 3), fixtures.timelinePages("all"), "page 3's \"Tiếp theo\" is disabled");
    }

    @Test
    void noMoreTimelinePagesThanTheBoundAreRead() throws SourceException {
        assertEquals(List.of(D23, D22, D21, D20), List.copyOf(days(timeline("two", 2)).keySet()));
        assertEquals(List.of(1, 2), fixtures.timelinePages("two"));

        assertEquals(List.of(D23, D22), List.copyOf(days(timeline("one", 1)).keySet()));
        assertEquals(List.of(1), fixtures.timelinePages("one"));
    }

    @Test
    void aPagerLeadingBackToAPageReadEnds() throws SourceException {
        changePage2("loop", page -> next(page).attr("href", "https://ncov.moh.gov.vn/web/guest/dong-thoi-gian"));

        assertEquals(List.of(D23, D22, D21, D20), List.copyOf(days(timeline("loop", 5)).keySet()));
        assertEquals(List.of(1, 2), fixtures.timelinePages("loop"), "page 2's next link is the index, already read");
    }

    @Test
    void aNextLinkToAnotherHostIsNotFollowed() throws SourceException {
        changePage2("offsite", page -> next(page).attr("href",
                next(page).attr("href").replace("https://ncov.moh.gov.vn", "https://moh.gov.vn")));

        assertEquals(List.of(D23, D22, D21, D20), List.copyOf(days(timeline("offsite", 5)).keySet()));
        assertEquals(List.of(1, 2), fixtures.timelinePages("offsite"), "page 3 is only asked for on another host");
    }

    @Test
    void anAnnouncementMetAgainOnTheNextPageIsReadOnce() throws SourceException {
        // A new announcement published between the two pages moves every one down a place.
        changePage2("shifted", page -> page.selectFirst(".timeline-sec").prepend(lastOfPage1()));
        Map<LocalDate, Map<Integer, Long>> days = days(timeline("shifted", 5));

        assertEquals(List.of(D23, D22, D21, D20, D19), List.copyOf(days.keySet()));
        assertEquals(Map.of(1, 2963L, code("Đà Nẵng"), 12744L), days.get(D22), "on pages 1 and 2, one bulletin");
    }

    @Test
    void aSecondAnnouncementForADayOnTheNextPageFailsTheSource() {
        // 2021's timeline: the morning's announcement for 22/01 at the top of page 2, the evening's on page 1.
        changePage2("split", page -> page.selectFirst(".timeline-sec")
                .prepend(lastOfPage1().replace("18:35 22/01/2022", "06:00 22/01/2022")));
        String failure = assertThrows(SourceException.class, () -> timeline("split", 5)).getMessage();

        assertTrue(failure.contains("several announcements listing provinces for 2022-01-22"), failure);
    }

    @Test
    void aTimelinePageInAnotherLayoutFailsTheWholeSource() {
        String failure = assertThrows(SourceException.class, () -> timeline("changed", 5)).getMessage();

        assertTrue(failure.contains("No bulletin day in " + fixtures.base() + "/timeline/changed/"), failure);
        assertEquals(List.of(1, 2), fixtures.timelinePages("changed"), "timeline-2-changed.html");
    }

    private static List<DailyFigure> timeline(String scenario, int maxPages) throws SourceException {
        return new BulletinSource(List.of(fixtures.timelineAddress(scenario)), Duration.ofSeconds(30), maxPages)
                .fetch(PROVINCES).daily();
    }

    private static void changePage2(String scenario, Consumer<Document> change) {
        fixtures.changeTimelinePage(scenario, 2, stored -> {
            Document page = Jsoup.parse(stored);
            change.accept(page);
            return page.outerHtml();
        });
    }

    private static Element next(Document page) {
        return page.selectFirst(".lfr-pagination-buttons a:contains(Tiếp theo)");
    }

    private static String lastOfPage1() {
        return Jsoup.parse(FixtureSources.timelinePage(1)).select(".timeline-sec > ul").last().outerHtml();
    }

    private static int code(String province) {
        return PROVINCES.find(province).orElseThrow().code();
    }

    private static Map<LocalDate, Map<Integer, Long>> days(List<DailyFigure> figures) {
        return figures.stream().collect(Collectors.groupingBy(DailyFigure::date, LinkedHashMap::new,
                Collectors.toMap(DailyFigure::code, DailyFigure::newCases)));
    }

    private static List<DailyFigure> fetch(String page) throws SourceException {
        return source(page).fetch(PROVINCES).daily();
    }

    private static String failure(String page) {
        return assertThrows(SourceException.class, () -> source(page).fetch(PROVINCES)).getMessage();
    }

    private static BulletinSource source(String page) {
        return new BulletinSource(List.of(fixtures.base() + "/pages/" + page), Duration.ofSeconds(30), 1);
    }

    /** A news article of 7 May 2021 whose body is {@code text}. */
    private static String article(String text) {
        return "<html><head><meta property=\"article:published_time\" content=\"2021-05-07T19:00:00+07:00\">"
                + "<title>Thêm ca mắc Covid-19 mới</title></head><body><article><p>" + text + "</p></article></body></html>";
    }

    private static Map<Integer, Long> cases(List<DailyFigure> figures, LocalDate day) {
        figures.forEach(f -> assertEquals(day, f.date(), f::toString));
        return figures.stream().collect(Collectors.toMap(DailyFigure::code, DailyFigure::newCases));
    }
}
