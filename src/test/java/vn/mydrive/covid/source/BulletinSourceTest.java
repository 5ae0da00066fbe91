package vn.mydrive.covid.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.mydrive.covid.DailyFigure;
import vn.mydrive.covid.ProvinceDirectory;
import vn.mydrive.covid.SnapshotLoader;
import vn.mydrive.covid.SourceException;

/**
 * The bulletin in the wordings it was printed in: the ministry's list with counts in parentheses, the press's
 * "X có N ca, Y N ca" (with "X và Y mỗi tỉnh có N ca", and its sentence breaks), names as written, and the day from
 * the title or the published time. Pages are served by {@link FixtureSources}, as the real sites served them.
 */
class BulletinSourceTest {

    private static final ProvinceDirectory PROVINCES = new ProvinceDirectory(SnapshotLoader.provinces());
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

    private static List<DailyFigure> fetch(String page) throws SourceException {
        return source(page).fetch(PROVINCES).daily();
    }

    private static String failure(String page) {
        return assertThrows(SourceException.class, () -> source(page).fetch(PROVINCES)).getMessage();
    }

    private static BulletinSource source(String page) {
        return new BulletinSource(List.of(fixtures.base() + "/pages/" + page), Duration.ofSeconds(2), 1);
    }

    private static Map<Integer, Long> cases(List<DailyFigure> figures, LocalDate day) {
        figures.forEach(f -> assertEquals(day, f.date(), f::toString));
        return figures.stream().collect(Collectors.toMap(DailyFigure::code, DailyFigure::newCases));
    }
}
