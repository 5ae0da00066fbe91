package vn.mydrive.covid;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import vn.mydrive.covid.CovidExceptions.FutureDateException;
import vn.mydrive.covid.CovidExceptions.InvalidDateException;
import vn.mydrive.covid.CovidExceptions.MissingProvinceException;
import vn.mydrive.covid.CovidExceptions.NoDataException;
import vn.mydrive.covid.CovidExceptions.OutsideDataException;
import vn.mydrive.covid.CovidExceptions.UnknownProvinceException;
import vn.mydrive.platform.events.Activity;
import vn.mydrive.platform.time.VietnamTime;
import vn.mydrive.platform.web.ApiException;
import vn.mydrive.platform.events.Activity.Kind;

/**
 * The lookup rules of the original client, made friendly: a province alone gives its total cases, a province
 * and a day give that day's new cases; names are matched forgivingly and every failure says what to fix.
 */
@ApplicationScoped
public class CovidLookup {


    @Inject
    CovidData data;

    @Inject
    Event<Activity> activity;

    /** Longer than any way of writing a province ("Thành phố Hồ Chí Minh" and its like are under 30). */
    static final int MAX_PROVINCE_CHARS = 64;

    public LookupAnswer lookup(String provinceInput, String dayInput, String username, String clientAddress) {
        try {
            LookupAnswer answer = answer(data.current(), provinceInput, dayInput, VietnamTime.today());
            activity.fire(Activity.of(Kind.LOOKUP, username, clientAddress, describe(answer)));
            return answer;
        } catch (ApiException e) {
            activity.fire(Activity.of(Kind.LOOKUP, username, clientAddress,
                    clip(provinceInput) + " " + clip(dayInput) + ": " + e.code()));
            throw e;
        }
    }

    private static String clip(String input) {
        return input == null ? "" : input.length() > 40 ? input.substring(0, 40) + "..." : input;
    }

    /** The rules on one dataset and one "today", without side effects. */
    static LookupAnswer answer(CovidDataset dataset, String provinceInput, String dayInput, LocalDate today) {
        if (provinceInput == null || provinceInput.isBlank()) {
            throw new MissingProvinceException();
        }
        if (provinceInput.length() > MAX_PROVINCE_CHARS) {
            // No province is called anything that long; suggesting one would cost time for nothing.
            throw new UnknownProvinceException(List.of());
        }
        int code;
        String name;
        if (ProvinceDirectory.isWholeCountry(provinceInput)) {
            code = Province.WHOLE_COUNTRY;
            name = Province.WHOLE_COUNTRY_NAME;
        } else {
            Province province = dataset.provinces().find(provinceInput)
                    .orElseThrow(() -> new UnknownProvinceException(dataset.provinces().closest(provinceInput, 3)));
            code = province.code();
            name = province.name();
        }
        if (dayInput == null || dayInput.isBlank()) {
            Optional<ProvinceTotal> reported = dataset.reportedTotal(code);
            if (reported.isPresent()) {
                return new LookupAnswer(code, name, null, reported.get().cases(), null, null, "reported",
                        reported.get().source(), null);
            }
            return new LookupAnswer(code, name, null, dataset.sumOfNewCases(code), null, null, "sum-of-daily",
                    dataset.freshness().source(), null);
        }
        LocalDate day = checkedDay(dataset, dayInput, today);
        Optional<LocalDate> countedOn = dataset.countedOn(day);
        LocalDate figuresDay = countedOn.orElse(day);
        DailyFigure figure = dataset.day(code, figuresDay).filter(f -> f.newCases() != null)
                .orElseThrow(() -> new NoDataException(name, DayInput.display(day)));
        return new LookupAnswer(code, name, day, null, figure.newCases(), figure.newDeaths(),
                countedOn.isPresent() ? "counted-next-day" : "daily", dataset.freshness().source(),
                countedOn.orElse(null));
    }

    /** Every province on one day, most new cases first; the day is checked as a lookup's is. */
    public DayRanking ranking(String dayInput) {
        return ranking(data.current(), dayInput, VietnamTime.today());
    }

    static DayRanking ranking(CovidDataset dataset, String dayInput, LocalDate today) {
        if (dayInput == null || dayInput.isBlank()) {
            throw new InvalidDateException();
        }
        LocalDate day = checkedDay(dataset, dayInput, today);
        LocalDate figuresDay = dataset.countedOn(day).orElse(day);
        List<DayRanking.Line> lines = new ArrayList<>();
        for (Province province : dataset.provinces().alphabetical()) {
            Optional<DailyFigure> figure = dataset.day(province.code(), figuresDay);
            lines.add(new DayRanking.Line(province.code(), province.name(),
                    figure.map(DailyFigure::newCases).orElse(null), figure.map(DailyFigure::newDeaths).orElse(null),
                    dataset.totalUpTo(province.code(), figuresDay)));
        }
        // Ties (many provinces report 0 on a quiet day) in the alphabetical order of Vietnamese, as the bulletins had
        // them: the lines were made in that order, and the sort is stable.
        lines.sort(Comparator.comparingLong((DayRanking.Line l) -> l.newCases() == null ? -1 : l.newCases()).reversed());
        DailyFigure country = dataset.day(Province.WHOLE_COUNTRY, figuresDay)
                .orElse(new DailyFigure(Province.WHOLE_COUNTRY, figuresDay, 0L, 0L));
        int reporting = (int) lines.stream().filter(l -> l.newCases() != null && l.newCases() > 0).count();
        return new DayRanking(day, figuresDay.equals(day) ? null : figuresDay, country.newCases(),
                country.newDeaths() == null ? 0 : country.newDeaths(), reporting, List.copyOf(lines));
    }

    /** A day as typed (the period of a chart), by a lookup's rules: one the figures cover, else the error saying why. */
    public LocalDate day(String dayInput) {
        return checkedDay(data.current(), dayInput, VietnamTime.today());
    }

    /** A day as typed, if it is one the figures cover; else the error that says why not. */
    private static LocalDate checkedDay(CovidDataset dataset, String dayInput, LocalDate today) {
        LocalDate day = DayInput.parse(dayInput).orElseThrow(InvalidDateException::new);
        if (day.isAfter(today)) {
            throw new FutureDateException(shown(dataset.firstDay()), shown(dataset.lastDay()));
        }
        if (dataset.firstDay().isEmpty() || day.isBefore(dataset.firstDay().get())
                || day.isAfter(dataset.lastDay().get())) {
            throw new OutsideDataException(DayInput.display(day), shown(dataset.firstDay()), shown(dataset.lastDay()));
        }
        return day;
    }

    /** The range's end as an error message shows it (written only when a day is refused, not at every lookup). */
    private static String shown(Optional<LocalDate> end) {
        return end.map(DayInput::display).orElse("?");
    }

    private static String describe(LookupAnswer answer) {
        return answer.province() + (answer.date() == null ? ": total " + answer.totalCases()
                : " " + DayInput.display(answer.date()) + ": " + answer.newCases() + " new");
    }
}
