package vn.mydrive.covid.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import vn.mydrive.covid.Province;
import vn.mydrive.covid.ProvinceDirectory;
import vn.mydrive.covid.ProvinceTotal;
import vn.mydrive.covid.SnapshotLoader;
import vn.mydrive.covid.SourceException;

/** The table is read by what its headers say, whatever their order, grouping, footnotes or number format. */
class ProvinceTableSourceTest {

    private static final List<Province> ALL = SnapshotLoader.provinces();
    private static final ProvinceDirectory PROVINCES = new ProvinceDirectory(ALL);
    private static final Instant NOW = Instant.parse("2022-01-23T10:00:00Z");

    @Test
    void sixColumnsWithGroupedHeadersAreReadByTheirNames() throws SourceException {
        String header = "<tr><th rowspan=\"2\">Tỉnh thành</th><th colspan=\"5\">Số ca[a]</th></tr>"
                + "<tr><th>Ca nhiễm</th><th>Đang điều trị</th><th>Khác</th><th>Hồi phục</th><th>Tử vong[b]</th></tr>"
                + "<tr><th>63 / 63</th><th>2.000.000</th><th>—</th><th>—</th><th>—</th><th>—</th></tr>";
        Map<Integer, ProvinceTotal> totals = parse(header, code -> code == 1
                ? "<td>Hà Nội<sup class=\"reference\">[1]</sup></td><td>1.234.567</td><td>10</td><td>3</td><td>1,000,000</td><td>1.234</td>"
                : "<td>" + name(code) + "</td><td>" + code + "00</td><td>1</td><td>0</td><td></td><td>—</td>");

        assertEquals(1_234_567L, totals.get(1).cases());
        assertEquals(1_234L, totals.get(1).deaths(), "tử vong is the sixth column, not the third");
        assertEquals(1_000_000L, totals.get(1).recovered(), "hồi phục is the fifth, commas or dots");
        assertEquals(500L, totals.get(5).cases());
        assertNull(totals.get(5).deaths(), "a dash is unknown");
        assertNull(totals.get(5).recovered(), "an empty cell is unknown");
    }

    @Test
    void anotherOrderAndWordingIsReadToo() throws SourceException {
        String header = "<tr><th>Địa phương</th><th>Tử vong</th><th>Khỏi bệnh</th><th>Số ca nhiễm</th></tr>";
        Map<Integer, ProvinceTotal> totals = parse(header,
                code -> "<td>" + name(code) + "</td><td>" + code + "</td><td>" + (code * 2) + "</td><td>" + (code * 3) + "</td>");

        assertEquals(7L, totals.get(7).deaths());
        assertEquals(14L, totals.get(7).recovered());
        assertEquals(21L, totals.get(7).cases());
    }

    @Test
    void headersItCannotMapAreRefused() {
        String unknown = "<tr><th>Tỉnh thành</th><th>Cột 1</th><th>Cột 2</th></tr>";
        assertTrue(failure(unknown, 3).contains("Cannot tell the province and cases columns"));
        String twice = "<tr><th>Tỉnh thành</th><th>Ca nhiễm</th><th>Ca nhiễm mới</th></tr>";
        assertTrue(failure(twice, 3).contains("Two columns"));
        String noHeaders = "";
        assertTrue(failure(noHeaders, 3).contains("Cannot tell"));
    }

    private static String name(int code) {
        return ALL.stream().filter(p -> p.code() == code).findFirst().orElseThrow().name();
    }

    private static Map<Integer, ProvinceTotal> parse(String header, Function<Integer, String> row) throws SourceException {
        return ProvinceTableSource.parse(Jsoup.parse(page(header, row)), PROVINCES, "test", NOW).stream()
                .collect(Collectors.toMap(ProvinceTotal::code, Function.identity()));
    }

    private static String failure(String header, int columns) {
        String page = page(header, code -> "<td>" + name(code) + "</td>" + "<td>1</td>".repeat(columns - 1));
        return assertThrows(SourceException.class,
                () -> ProvinceTableSource.parse(Jsoup.parse(page), PROVINCES, "test", NOW)).getMessage();
    }

    private static String page(String header, Function<Integer, String> row) {
        return "<table class=\"wikitable sortable\"><tbody>" + header
                + ALL.stream().map(p -> "<tr>" + row.apply(p.code()) + "</tr>").collect(Collectors.joining())
                + "</tbody></table>";
    }
}
