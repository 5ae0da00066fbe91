package vn.mydrive.covid;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.ToLongFunction;

/**
 * All COVID figures at one moment, held in memory: 63 provinces' daily series (about 40,000 rows) and their
 * reported totals. Immutable, so lookups read it without locks while a refresh builds the next one.
 */
public final class CovidDataset {

    /** The last successful refresh: when, and from which source. */
    public record Freshness(Instant at, String source) {
    }

    private final ProvinceDirectory provinces;
    private final Map<Integer, NavigableMap<LocalDate, DailyFigure>> series;
    private final NavigableMap<LocalDate, long[]> country;
    private final Map<Integer, ProvinceTotal> totals;
    /** Each place's new cases summed up to each of its days: a total to date is one lookup, not a sum per request. */
    private final Map<Integer, NavigableMap<LocalDate, Long>> runningTotals = new HashMap<>();
    private final Freshness freshness;
    private final Set<LocalDate> foldedDays;
    private final Map<Integer, Set<LocalDate>> backloggedDays;

    /**
     * A province's day at least this many times the largest of the fortnight around it, and at least
     * {@link #BACKLOG_MIN} cases, is a backlog entered on one day, not an outbreak (Cà Mau 25-10-2021: 151,919;
     * Kiên Giang 28-09-2021: 49,170), and charts mark it so.
     */
    static final int BACKLOG_FACTOR = 10;
    static final long BACKLOG_MIN = 5000;

    /**
     * A day with zero new cases everywhere after a week that averaged at least this many a day nationally cannot be
     * a day without cases: it is a day whose reports the portal counted on the next day. (The bundled series has
     * three: 08-06-2021, 11-07-2021, 19-07-2021; days of real zeros in 2020 came after weeks of a few cases.)
     */
    static final long FOLDED_DAY_WAVE = 100;

    public CovidDataset(Collection<Province> provinces, Collection<DailyFigure> daily, Collection<ProvinceTotal> totals,
                        Freshness freshness) {
        this.provinces = new ProvinceDirectory(provinces);
        this.series = new HashMap<>();
        this.country = new TreeMap<>();
        for (DailyFigure figure : daily) {
            series.computeIfAbsent(figure.code(), c -> new TreeMap<>()).put(figure.date(), figure);
            long[] day = country.computeIfAbsent(figure.date(), d -> new long[2]);
            day[0] += figure.newCases() == null ? 0 : figure.newCases();
            day[1] += figure.newDeaths() == null ? 0 : figure.newDeaths();
        }
        series.forEach((code, days) -> runningTotals.put(code, running(days, f -> f.newCases() == null ? 0 : f.newCases())));
        runningTotals.put(Province.WHOLE_COUNTRY, running(country, day -> day[0]));
        this.totals = new HashMap<>();
        totals.forEach(t -> this.totals.put(t.code(), t));
        this.freshness = freshness;
        this.foldedDays = findFoldedDays(country);
        this.backloggedDays = new HashMap<>();
        series.forEach((code, days) -> {
            Set<LocalDate> found = findBackloggedDays(days);
            if (!found.isEmpty()) {
                backloggedDays.put(code, found);
            }
        });
    }

    private static Set<LocalDate> findBackloggedDays(NavigableMap<LocalDate, DailyFigure> days) {
        Set<LocalDate> found = new HashSet<>();
        for (DailyFigure figure : days.values()) {
            long cases = figure.newCases() == null ? 0 : figure.newCases();
            if (cases < BACKLOG_MIN) {
                continue;
            }
            long around = 0;
            for (DailyFigure near : days.subMap(figure.date().minusDays(7), true, figure.date().plusDays(7), true)
                    .values()) {
                if (!near.date().equals(figure.date()) && near.newCases() != null) {
                    around = Math.max(around, near.newCases());
                }
            }
            if (cases >= BACKLOG_FACTOR * Math.max(1, around)) {
                found.add(figure.date());
            }
        }
        return Set.copyOf(found);
    }

    /**
     * The days of a province's series (any province's, for the whole country) that carry a backlog entered on one
     * day (see {@link #BACKLOG_FACTOR}).
     */
    public Set<LocalDate> backloggedDays(int code) {
        if (code == Province.WHOLE_COUNTRY) {
            Set<LocalDate> all = new HashSet<>();
            backloggedDays.values().forEach(all::addAll);
            return all;
        }
        return backloggedDays.getOrDefault(code, Set.of());
    }

    /** The days whose reports the source counted on the next day (see {@link #FOLDED_DAY_WAVE}). */
    public Set<LocalDate> foldedDays() {
        return foldedDays;
    }

    private static Set<LocalDate> findFoldedDays(NavigableMap<LocalDate, long[]> country) {
        Set<LocalDate> folded = new HashSet<>();
        for (Map.Entry<LocalDate, long[]> day : country.entrySet()) {
            if (day.getValue()[0] != 0 || country.higherKey(day.getKey()) == null) {
                continue;
            }
            long week = country.subMap(day.getKey().minusDays(7), true, day.getKey(), false).values().stream()
                    .mapToLong(d -> d[0]).sum();
            if (week >= 7 * FOLDED_DAY_WAVE) {
                folded.add(day.getKey());
            }
        }
        return Set.copyOf(folded);
    }

    /**
     * The day a day's cases were counted on, when the source folded them into the next one (see
     * {@link #FOLDED_DAY_WAVE}); empty for every ordinary day.
     */
    public Optional<LocalDate> countedOn(LocalDate day) {
        return foldedDays.contains(day) ? Optional.ofNullable(country.higherKey(day)) : Optional.empty();
    }

    public ProvinceDirectory provinces() {
        return provinces;
    }

    public Freshness freshness() {
        return freshness;
    }

    public boolean isEmpty() {
        return series.isEmpty();
    }

    public int rowCount() {
        return series.values().stream().mapToInt(Map::size).sum();
    }

    /** The province's figures for a day, if it published any. */
    public Optional<DailyFigure> day(int code, LocalDate date) {
        if (code == Province.WHOLE_COUNTRY) {
            long[] day = country.get(date);
            return day == null ? Optional.empty()
                    : Optional.of(new DailyFigure(Province.WHOLE_COUNTRY, date, day[0], day[1]));
        }
        return Optional.ofNullable(series.getOrDefault(code, new TreeMap<>()).get(date));
    }

    /** The province's days from {@code from} to {@code to}, both included, in order. */
    public List<DailyFigure> series(int code, LocalDate from, LocalDate to) {
        if (code == Province.WHOLE_COUNTRY) {
            return country.subMap(from, true, to, true).entrySet().stream()
                    .map(e -> new DailyFigure(Province.WHOLE_COUNTRY, e.getKey(), e.getValue()[0], e.getValue()[1]))
                    .toList();
        }
        return List.copyOf(series.getOrDefault(code, new TreeMap<>()).subMap(from, true, to, true).values());
    }

    /** The province's (or country's) new cases from its first day up to {@code day}, that day included. */
    public long totalUpTo(int code, LocalDate day) {
        NavigableMap<LocalDate, Long> running = runningTotals.get(code);
        Map.Entry<LocalDate, Long> upTo = running == null ? null : running.floorEntry(day);
        return upTo == null ? 0 : upTo.getValue();
    }

    /** Sum of the province's (or country's) reported new cases over its whole series. */
    public long sumOfNewCases(int code) {
        NavigableMap<LocalDate, Long> running = runningTotals.get(code);
        return running == null || running.isEmpty() ? 0 : running.lastEntry().getValue();
    }

    private static <T> NavigableMap<LocalDate, Long> running(NavigableMap<LocalDate, T> days,
                                                             ToLongFunction<T> newCases) {
        NavigableMap<LocalDate, Long> running = new TreeMap<>();
        long sum = 0;
        for (Map.Entry<LocalDate, T> day : days.entrySet()) {
            sum += newCases.applyAsLong(day.getValue());
            running.put(day.getKey(), sum);
        }
        return running;
    }

    public Optional<ProvinceTotal> reportedTotal(int code) {
        return Optional.ofNullable(totals.get(code));
    }

    public Optional<LocalDate> firstDay() {
        return country.isEmpty() ? Optional.empty() : Optional.of(country.firstKey());
    }

    public Optional<LocalDate> lastDay() {
        return country.isEmpty() ? Optional.empty() : Optional.of(country.lastKey());
    }
}
