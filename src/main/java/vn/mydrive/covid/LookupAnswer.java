package vn.mydrive.covid;

import java.time.LocalDate;

/**
 * The answer to a lookup: a total ({@code date} null) or one day's figures.
 *
 * @param basis for a total: {@code reported} (a totals source's figure) or {@code sum-of-daily} (added up
 *              from the daily series); for a day: {@code daily}, or {@code counted-next-day} when the source folded
 *              the day's reports into the next day, whose figures then follow
 * @param source where the figure comes from
 * @param countedOn for {@code counted-next-day}: the day whose figures ({@code newCases}, {@code newDeaths}) hold
 *                  this day's cases; null otherwise
 */
public record LookupAnswer(int code, String province, LocalDate date, Long totalCases, Long newCases, Long newDeaths,
                           String basis, String source, LocalDate countedOn) {
}
