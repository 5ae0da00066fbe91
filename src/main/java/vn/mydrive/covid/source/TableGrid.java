package vn.mydrive.covid.source;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Element;

/**
 * A table's cells laid out on a grid, a cell spanning rows or columns filling every place it covers. Wikipedia's
 * tables group their headers with rowspan and colspan, so "the fourth cell of the row" is not "the fourth column".
 */
final class TableGrid {

    /** No real statistics table spans further; a bigger span is a broken page, not a reason to allocate. */
    private static final int MAX_SPAN = 100;

    private TableGrid() {
    }

    /** Each row of the table (nested tables left out) as the cells at each of its columns. */
    static List<List<Element>> of(Element table) {
        List<List<Element>> grid = new ArrayList<>();
        Map<Integer, Spanning> pending = new HashMap<>();
        for (Element row : table.select("tr")) {
            if (row.closest("table") != table) {
                continue;
            }
            List<Element> cells = new ArrayList<>();
            int column = 0;
            for (Element cell : row.children()) {
                if (!cell.normalName().equals("td") && !cell.normalName().equals("th")) {
                    continue;
                }
                column = fillSpanned(cells, pending, column);
                int rows = span(cell, "rowspan");
                for (int i = 0, columns = span(cell, "colspan"); i < columns; i++, column++) {
                    cells.add(cell);
                    if (rows > 1) {
                        pending.put(column, new Spanning(cell, rows - 1));
                    }
                }
            }
            fillSpanned(cells, pending, column);
            grid.add(cells);
        }
        return grid;
    }

    private record Spanning(Element cell, int rowsLeft) {
    }

    /** Puts the cells coming down from rows above at {@code column} and after; returns the next free column. */
    private static int fillSpanned(List<Element> cells, Map<Integer, Spanning> pending, int column) {
        while (pending.containsKey(column)) {
            Spanning above = pending.remove(column);
            cells.add(above.cell());
            if (above.rowsLeft() > 1) {
                pending.put(column, new Spanning(above.cell(), above.rowsLeft() - 1));
            }
            column++;
        }
        return column;
    }

    private static int span(Element cell, String attribute) {
        try {
            return Math.max(1, Math.min(MAX_SPAN, Integer.parseInt(cell.attr(attribute).strip())));
        } catch (NumberFormatException absent) {
            return 1;
        }
    }
}
