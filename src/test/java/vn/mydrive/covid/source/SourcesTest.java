package vn.mydrive.covid.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.mydrive.covid.CovidSource;
import vn.mydrive.covid.DailyFigure;
import vn.mydrive.covid.ProvinceDirectory;
import vn.mydrive.covid.ProvinceTotal;
import vn.mydrive.covid.SnapshotLoader;
import vn.mydrive.covid.SourceException;
import vn.mydrive.covid.source.FixtureSources.Mode;

/** Each source against a local server serving pages in the real sources' shapes, good and broken. */
class SourcesTest {

    private static final ProvinceDirectory PROVINCES = new ProvinceDirectory(SnapshotLoader.provinces());
    /** Long, so a loaded machine never fails a good answer; only the slow answer's test waits less (see there). */
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static FixtureSources fixtures;

    @BeforeAll
    static void start() {
        fixtures = new FixtureSources(0);
    }

    @AfterAll
    static void stop() {
        fixtures.close();
    }

    @BeforeEach
    void behave() {
        fixtures.mode(Mode.GOOD);
    }

    @Test
    void theBulletinGivesEachListedProvincesNewCasesForItsDay() throws SourceException {
        List<DailyFigure> figures = bulletin().fetch(PROVINCES).daily();

        Map<Integer, DailyFigure> byCode = figures.stream().collect(Collectors.toMap(DailyFigure::code, Function.identity()));
        assertEquals(3, figures.size());
        assertEquals(2910L, byCode.get(1).newCases());
        assertEquals(1002L, byCode.get(2).newCases());
        assertEquals(87L, byCode.get(40).newCases());
        assertEquals(LocalDate.of(2022, 1, 23), byCode.get(1).date());
        assertNull(byCode.get(1).newDeaths(), "the bulletin does not give deaths");
    }

    @Test
    void aBulletinThatChangedShapeOrNamesAnUnknownPlaceIsRefused() {
        fixtures.mode(Mode.CHANGED);
        assertTrue(failure(bulletin()).contains("has the page changed"));
        fixtures.mode(Mode.UNKNOWN_PROVINCE);
        assertTrue(failure(bulletin()).contains("Atlantis"));
        fixtures.mode(Mode.GARBAGE);
        assertTrue(failure(bulletin()).contains("Cannot read the list after"), "\"Hà Nội (hai nghìn)\" is no entry");
    }

    @Test
    void theTableGivesEveryProvincesTotalsWithoutFootnotesOrTheCountryRow() throws SourceException {
        List<ProvinceTotal> totals = table().fetch(PROVINCES).totals();

        assertEquals(63, totals.size());
        Map<Integer, ProvinceTotal> byCode = totals.stream().collect(Collectors.toMap(ProvinceTotal::code, Function.identity()));
        assertEquals(fixtures.totalCases(2), byCode.get(2).cases(), "TP. Hồ Chí Minh[a] is Hồ Chí Minh");
        assertEquals(fixtures.totalCases(33), byCode.get(33).cases(), "Thừa Thiên - Huế is Thừa Thiên Huế");
        assertEquals(20L, byCode.get(2).deaths(), "deaths are the last of six columns");
        assertEquals(fixtures.totalCases(2) - 20 - 2, byCode.get(2).recovered(), "recoveries are the fifth");
        assertNull(byCode.get(64).recovered(), "a dash is no figure");
    }

    @Test
    void aTableThatChangedOrHoldsGarbageIsRefused() {
        fixtures.mode(Mode.CHANGED);
        assertTrue(failure(table()).contains("No table.wikitable"));
        fixtures.mode(Mode.GARBAGE);
        assertTrue(failure(table()).contains("Not a count: \"12,3a\""));
        fixtures.mode(Mode.UNKNOWN_PROVINCE);
        assertTrue(failure(table()).contains("Atlantis"));
    }

    @Test
    void thePortalGivesEveryProvincesSeriesWhateverItsContentType() throws SourceException {
        List<DailyFigure> figures = portal().fetch(PROVINCES).daily();

        DailyFigure changed = figures.stream().filter(f -> f.code() == 1 && f.date().equals(LocalDate.of(2022, 1, 21)))
                .findFirst().orElseThrow();
        DailyFigure snapshot = SnapshotLoader.daily().stream()
                .filter(f -> f.code() == 1 && f.date().equals(LocalDate.of(2022, 1, 21))).findFirst().orElseThrow();
        assertEquals(snapshot.newCases() + FixtureSources.PORTAL_CHANGE, changed.newCases());
        assertEquals(SnapshotLoader.daily().size() + 1, figures.size());
    }

    @Test
    void thePortalFailsCleanlyOnErrorsTimeoutsAndChangedAnswers() {
        fixtures.mode(Mode.HTTP_500);
        assertTrue(failure(portal()).startsWith("HTTP 500 from"));
        fixtures.mode(Mode.SLOW); // answers after 3 s: a 1 s wait ends first however slow the machine
        assertTrue(failure(new PortalApiSource(fixtures.base() + "/portal/", Duration.ofSeconds(1)))
                .startsWith("No answer from"));
        fixtures.mode(Mode.CHANGED);
        assertTrue(failure(portal()).contains("is not about province"));
        fixtures.mode(Mode.GARBAGE);
        assertTrue(failure(portal()).contains("Not a count"));
    }

    private static String failure(CovidSource source) {
        return assertThrows(SourceException.class, () -> source.fetch(PROVINCES)).getMessage();
    }

    private static CovidSource bulletin() {
        return new BulletinSource(List.of(fixtures.base() + "/bulletin"), TIMEOUT, 1);
    }

    private static CovidSource table() {
        return new ProvinceTableSource(fixtures.base() + "/table", TIMEOUT);
    }

    private static CovidSource portal() {
        return new PortalApiSource(fixtures.base() + "/portal/", TIMEOUT);
    }
}
