package vn.mydrive.covid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.mydrive.covid.CovidExceptions.FutureDateException;
import vn.mydrive.covid.CovidExceptions.InvalidDateException;
import vn.mydrive.covid.CovidExceptions.MissingProvinceException;
import vn.mydrive.covid.CovidExceptions.OutsideDataException;
import vn.mydrive.covid.CovidExceptions.UnknownProvinceException;

class CovidLookupTest {

    private static final List<DailyFigure> DAILY = SnapshotLoader.daily();
    private static final CovidDataset DATA = new CovidDataset(SnapshotLoader.provinces(), DAILY, List.of(),
            new CovidDataset.Freshness(Instant.now(), "snapshot"));
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);

    @Test
    void aProvinceAloneGivesTheSumOfItsDailySeries() {
        long expected = DAILY.stream().filter(f -> f.code() == 1 && f.newCases() != null).mapToLong(DailyFigure::newCases).sum();

        LookupAnswer answer = CovidLookup.answer(DATA, "ha noi", null, TODAY);

        assertEquals("Hà Nội", answer.province());
        assertEquals(expected, answer.totalCases());
        assertEquals("sum-of-daily", answer.basis());
        assertNull(answer.date());
    }

    @Test
    void aReportedTotalIsPreferredAndSaidSo() {
        CovidDataset withTotals = new CovidDataset(SnapshotLoader.provinces(), DAILY,
                List.of(new ProvinceTotal(1, 1_234_567, 1234L, null, "table", Instant.now())),
                new CovidDataset.Freshness(Instant.now(), "table"));

        LookupAnswer answer = CovidLookup.answer(withTotals, "Hà Nội", "", TODAY);

        assertEquals(1_234_567L, answer.totalCases());
        assertEquals("reported", answer.basis());
        assertEquals("table", answer.source());
    }

    @Test
    void aProvinceAndADayGiveThatDaysNewCases() {
        DailyFigure row = DAILY.stream().filter(f -> f.code() == 2 && f.date().equals(LocalDate.of(2021, 8, 15)))
                .findFirst().orElseThrow();

        LookupAnswer answer = CovidLookup.answer(DATA, "TP. Hồ Chí Minh", "15-08-2021", TODAY);

        assertEquals(row.newCases(), answer.newCases());
        assertEquals(row.newDeaths(), answer.newDeaths());
        assertEquals(LocalDate.of(2021, 8, 15), answer.date());
    }

    @Test
    void theWholeCountryAddsUpEveryProvince() {
        LocalDate day = LocalDate.of(2021, 12, 1);
        long expected = DAILY.stream().filter(f -> f.date().equals(day) && f.newCases() != null)
                .mapToLong(DailyFigure::newCases).sum();

        LookupAnswer answer = CovidLookup.answer(DATA, "Cả nước", "1/12/2021", TODAY);

        assertEquals("Việt Nam", answer.province());
        assertEquals(expected, answer.newCases());
    }

    @Test
    void everyMistakeHasItsOwnError() {
        assertThrows(MissingProvinceException.class, () -> CovidLookup.answer(DATA, "  ", null, TODAY));
        UnknownProvinceException unknown = assertThrows(UnknownProvinceException.class,
                () -> CovidLookup.answer(DATA, "Ha Noii", null, TODAY));
        assertTrue(unknown.suggestions().contains("Hà Nội"));
        assertThrows(InvalidDateException.class, () -> CovidLookup.answer(DATA, "Hà Nội", "31-02-2021", TODAY));
        assertThrows(FutureDateException.class, () -> CovidLookup.answer(DATA, "Hà Nội", "23-11-2026", TODAY));
        OutsideDataException before = assertThrows(OutsideDataException.class,
                () -> CovidLookup.answer(DATA, "Hà Nội", "01-01-2019", TODAY));
        assertTrue(before.getMessage().contains("18-03-2020 to 21-01-2022"), before.getMessage());
        assertThrows(OutsideDataException.class, () -> CovidLookup.answer(DATA, "Hà Nội", "22-01-2022", TODAY));
        FutureDateException future = assertThrows(FutureDateException.class,
                () -> CovidLookup.answer(DATA, "Hà Nội", "23-11-2026", TODAY));
        assertEquals(List.of("18-03-2020", "21-01-2022"), List.of(future.messageArguments()));
    }

    @Test
    void aDayTheSourceFoldedIntoTheNextSaysSoAndGivesTheNextDaysFigures() {
        for (String folded : List.of("08-06-2021", "11-07-2021", "19-07-2021")) {
            LocalDate day = DayInput.parse(folded).orElseThrow();
            LookupAnswer answer = CovidLookup.answer(DATA, "TP. Hồ Chí Minh", folded, TODAY);
            assertEquals("counted-next-day", answer.basis(), folded);
            assertEquals(day.plusDays(1), answer.countedOn());
            assertEquals(DATA.day(answer.code(), day.plusDays(1)).orElseThrow().newCases(),
                    answer.newCases());
        }
        assertEquals(4073, CovidLookup.answer(DATA, "Việt Nam", "11-07-2021", TODAY).newCases(),
                "the country's figure for 12-07-2021, as the source's README gives it");
        LookupAnswer ordinary = CovidLookup.answer(DATA, "TP. Hồ Chí Minh", "09-06-2021", TODAY);
        assertEquals("daily", ordinary.basis());
        assertNull(ordinary.countedOn());
        assertEquals("daily", CovidLookup.answer(DATA, "Hà Nội", "01-04-2020", TODAY).basis(),
                "a day of real zeros in 2020 is not mistaken for a folded one");
    }

    @Test
    void totalsToDateAreTheSumOfEveryDayUpToThatDay() {
        List<LocalDate> days = List.of(LocalDate.of(2020, 1, 1), LocalDate.of(2020, 3, 18), LocalDate.of(2021, 7, 11),
                LocalDate.of(2021, 10, 25), LocalDate.of(2022, 1, 21), LocalDate.of(2026, 1, 1));
        for (Province province : SnapshotLoader.provinces()) {
            for (LocalDate day : days) {
                long expected = DAILY.stream().filter(f -> f.code() == province.code() && !f.date().isAfter(day)
                        && f.newCases() != null).mapToLong(DailyFigure::newCases).sum();
                assertEquals(expected, DATA.totalUpTo(province.code(), day), province.name() + " up to " + day);
            }
        }
        for (LocalDate day : days) {
            long country = DAILY.stream().filter(f -> !f.date().isAfter(day) && f.newCases() != null)
                    .mapToLong(DailyFigure::newCases).sum();
            assertEquals(country, DATA.totalUpTo(Province.WHOLE_COUNTRY, day), "the country up to " + day);
        }
        assertEquals(DATA.totalUpTo(Province.WHOLE_COUNTRY, LocalDate.of(2026, 1, 1)),
                DATA.sumOfNewCases(Province.WHOLE_COUNTRY));
        assertEquals(0, DATA.totalUpTo(99, LocalDate.of(2021, 1, 1)), "no such place");
    }

    @Test
    void aDaysRankingHasEveryProvinceMostCasesFirstAndAddsUpToTheCountry() {
        DayRanking ranking = CovidLookup.ranking(DATA, "10-08-2021", TODAY);

        assertEquals(63, ranking.lines().size());
        long sum = ranking.lines().stream().mapToLong(l -> l.newCases() == null ? 0 : l.newCases()).sum();
        assertEquals(ranking.newCases(), sum);
        assertEquals(DATA.day(Province.WHOLE_COUNTRY, LocalDate.of(2021, 8, 10)).orElseThrow().newCases(), sum);
        for (int i = 1; i < ranking.lines().size(); i++) {
            Long before = ranking.lines().get(i - 1).newCases();
            Long after = ranking.lines().get(i).newCases();
            assertTrue(after == null || (before != null && before >= after), "ranked at " + i);
        }
        DayRanking.Line hanoi = ranking.lines().stream().filter(l -> l.code() == 1).findFirst().orElseThrow();
        assertEquals(DAILY.stream().filter(f -> f.code() == 1 && !f.date().isAfter(LocalDate.of(2021, 8, 10))
                && f.newCases() != null).mapToLong(DailyFigure::newCases).sum(), hanoi.totalToDate());
        assertEquals(ranking.lines().stream().filter(l -> l.newCases() != null && l.newCases() > 0).count(),
                ranking.provincesReporting());
        assertNull(ranking.countedOn());

        DayRanking quiet = CovidLookup.ranking(DATA, "01-04-2020", TODAY);
        List<String> zeros = quiet.lines().stream().filter(l -> l.newCases() != null && l.newCases() == 0)
                .map(DayRanking.Line::province).toList();
        assertTrue(zeros.indexOf("Đà Nẵng") > zeros.indexOf("Cần Thơ") && zeros.indexOf("Đà Nẵng") < zeros.indexOf("Gia Lai"),
                "ties in Vietnamese alphabetical order (Đ after D, before G): " + zeros);

        DayRanking folded = CovidLookup.ranking(DATA, "19-07-2021", TODAY);
        assertEquals(LocalDate.of(2021, 7, 20), folded.countedOn());
        assertEquals(14110, folded.newCases());
        assertThrows(InvalidDateException.class, () -> CovidLookup.ranking(DATA, "30-02-2021", TODAY));
        assertThrows(OutsideDataException.class, () -> CovidLookup.ranking(DATA, "01-01-2020", TODAY));
    }

    @Test
    void backlogsEnteredOnOneDayAreFoundFromTheData() {
        int caMau = DATA.provinces().find("Cà Mau").orElseThrow().code();
        int kienGiang = DATA.provinces().find("Kiên Giang").orElseThrow().code();
        assertEquals(java.util.Set.of(LocalDate.of(2021, 10, 25)), DATA.backloggedDays(caMau));
        assertEquals(java.util.Set.of(LocalDate.of(2021, 9, 28)), DATA.backloggedDays(kienGiang));
        assertEquals(java.util.Set.of(LocalDate.of(2021, 10, 25), LocalDate.of(2021, 9, 28)),
                DATA.backloggedDays(Province.WHOLE_COUNTRY));
        assertTrue(DATA.backloggedDays(DATA.provinces().find("TP. Hồ Chí Minh").orElseThrow().code()).isEmpty(),
                "a wave's peak is not a backlog");
    }
}
