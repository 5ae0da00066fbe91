package vn.mydrive.covid;

import java.time.Instant;

/** A province's cumulative figures as a totals source (a statistics table) last reported them. */
public record ProvinceTotal(int code, long cases, Long deaths, Long recovered, String source, Instant asOf) {
}
