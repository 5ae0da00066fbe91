package vn.mydrive.covid.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.mydrive.covid.DailyFigure;
import vn.mydrive.covid.ProvinceDirectory;
import vn.mydrive.covid.SnapshotLoader;
import vn.mydrive.covid.SourceException;

/**
 * The ministry's timeline read through its pager, as the real Liferay portal served it (covid/timeline/, played by
 * {@link FixtureSources}): page 1 holds 23/01 and 22/01, page 2 21/01 and 20/01, page 3 19/01. Each test reads its
 * own scenario, so the pages it asked for can be checked.
 */
class BulletinTimelineTest {

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
    void everyPageGivesEachOfItsDaysUntilThePagerEnds() throws SourceException {
        Map<LocalDate, Map<Integer, Long>> days = days(read("all", 5));

        assertEquals(List.of(D23, D22, D21, D20, D19), new ArrayList<>(days.keySet()));
        assertEquals(Map.of(1, 2910L, 2, 1002L, code("Đắk Lắk"), 87L), days.get(D23), "page 1's newest");
        assertEquals(Map.of(1, 2963L, code("Đà Nẵng"), 12744L), days.get(D22), "page 1's older day");
        assertEquals(Map.of(1, 1200L, code("Hải Phòng"), 400L, code("Bắc Ninh"), 50L), days.get(D21), "page 2");
        assertEquals(Map.of(1, 700L, code("Quảng Ninh"), 77L), days.get(D19), "page 3");
        assertEquals(List.of(1, 2, 3), fixtures.timelinePages("all"), "page 3's \"Tiếp theo\" is disabled");
    }

    @Test
    void noMorePagesThanTheBoundAreRead() throws SourceException {
        assertEquals(List.of(D23, D22, D21, D20), List.copyOf(days(read("two", 2)).keySet()));
        assertEquals(List.of(1, 2), fixtures.timelinePages("two"));

        assertEquals(List.of(D23, D22), List.copyOf(days(read("one", 1)).keySet()));
        assertEquals(List.of(1), fixtures.timelinePages("one"));
    }

    @Test
    void aPagerLeadingBackToAPageReadEnds() throws SourceException {
        assertEquals(List.of(D23, D22, D21, D20), List.copyOf(days(read("loop", 5)).keySet()));
        assertEquals(List.of(1, 2), fixtures.timelinePages("loop"), "page 2's next link is the index, already read");
    }

    @Test
    void aNextLinkToAnotherHostIsNotFollowed() throws SourceException {
        assertEquals(List.of(D23, D22, D21, D20), List.copyOf(days(read("offsite", 5)).keySet()));
        assertEquals(List.of(1, 2), fixtures.timelinePages("offsite"), "page 3 is only on another host");
    }

    @Test
    void anAnnouncementMetAgainOnTheNextPageIsReadOnce() throws SourceException {
        Map<LocalDate, Map<Integer, Long>> days = days(read("shifted", 5));

        assertEquals(List.of(D23, D22, D21, D20, D19), new ArrayList<>(days.keySet()));
        assertEquals(Map.of(1, 2963L, code("Đà Nẵng"), 12744L), days.get(D22), "on pages 1 and 2, one bulletin");
    }

    @Test
    void aSecondAnnouncementForADayOnTheNextPageFailsTheSource() {
        String failure = failure("split");

        assertTrue(failure.contains("several announcements listing provinces for 2022-01-22"), failure);
    }

    @Test
    void aPageInAnotherLayoutFailsTheWholeSource() {
        String failure = failure("changed");

        assertTrue(failure.contains("No bulletin day in " + fixtures.base() + "/timeline/changed/"), failure);
        assertEquals(List.of(1, 2), fixtures.timelinePages("changed"));
    }

    private static List<DailyFigure> read(String scenario, int maxPages) throws SourceException {
        return source(scenario, maxPages).fetch(PROVINCES).daily();
    }

    private static String failure(String scenario) {
        return assertThrows(SourceException.class, () -> source(scenario, 5).fetch(PROVINCES)).getMessage();
    }

    private static BulletinSource source(String scenario, int maxPages) {
        return new BulletinSource(List.of(fixtures.timelineAddress(scenario)), Duration.ofSeconds(2), maxPages);
    }

    private static int code(String province) {
        return PROVINCES.find(province).orElseThrow().code();
    }

    private static Map<LocalDate, Map<Integer, Long>> days(List<DailyFigure> figures) {
        return figures.stream().collect(Collectors.groupingBy(DailyFigure::date, LinkedHashMap::new,
                Collectors.toMap(DailyFigure::code, DailyFigure::newCases)));
    }
}
