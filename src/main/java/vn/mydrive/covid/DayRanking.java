package vn.mydrive.covid;

import java.time.LocalDate;
import java.util.List;

/**
 * One day across the country, the table Vietnam's evening bulletins published: every province, most new cases
 * first, with its deaths that day and its cases to date, and the national figures.
 *
 * @param countedOn          the day whose figures these are when the source folded {@code day} into it, else null
 * @param provincesReporting how many provinces reported at least one new case that day
 */
public record DayRanking(LocalDate day, LocalDate countedOn, long newCases, long newDeaths, int provincesReporting,
                         List<Line> lines) {

    /** A province's line; a figure it did not publish is null (not 0). */
    public record Line(int code, String province, Long newCases, Long newDeaths, long totalToDate) {
    }
}
