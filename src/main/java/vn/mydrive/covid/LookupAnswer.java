package vn.mydrive.covid;

import java.time.LocalDate;

/**
 * The answer to a lookup: a total ({@code date} null) or one day's figures.
 *
 * @param basis for a total: {@code reported} (a totals source's figure) or {@code sum-of-daily} (added up
 *              from the daily series); for a day: {@code daily}
 * @param source where the figure comes from
 */
public record LookupAnswer(int code, String province, LocalDate date, Long totalCases, Long newCases, Long newDeaths,
                           String basis, String source) {
}
