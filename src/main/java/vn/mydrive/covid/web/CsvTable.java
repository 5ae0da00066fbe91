package vn.mydrive.covid.web;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Tables as CSV (RFC 4180) for spreadsheets: a UTF-8 byte order mark so Excel reads Vietnamese names right, CRLF
 * line ends, and a field quoted when it holds a comma, quote or line break. A field starting with =, +, - or @ is
 * prefixed with an apostrophe so a spreadsheet never runs it as a formula (province names come from sources).
 */
final class CsvTable {

    private CsvTable() {
    }

    static String of(List<String> header, List<List<Object>> rows) {
        StringBuilder csv = new StringBuilder("\uFEFF").append(line(header.stream().map(h -> (Object) h).toList()));
        rows.forEach(row -> csv.append(line(row)));
        return csv.toString();
    }

    private static String line(List<Object> fields) {
        return fields.stream().map(CsvTable::field).collect(Collectors.joining(",")) + "\r\n";
    }

    private static String field(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        if (value instanceof String && !text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}
