package vn.mydrive.covid.source;

import java.util.List;
import vn.mydrive.covid.DailyFigure;
import vn.mydrive.covid.ProvinceTotal;

/** What one fetch of a source found: daily figures, province totals, or both. */
public record SourceData(List<DailyFigure> daily, List<ProvinceTotal> totals) {
}
