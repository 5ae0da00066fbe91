package vn.mydrive.covid;

import java.time.LocalDate;

/**
 * What a province reported for one day. A figure the source did not publish is {@code null}, which is not the
 * same as 0.
 */
public record DailyFigure(int code, LocalDate date, Long newCases, Long newDeaths) {
}
