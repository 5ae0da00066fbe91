package vn.mydrive.covid;

import java.util.List;

/** What one fetch of a source found: daily figures, province totals, or both. */
public record SourceData(List<DailyFigure> daily, List<ProvinceTotal> totals) {
}
