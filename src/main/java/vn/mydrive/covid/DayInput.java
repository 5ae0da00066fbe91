package vn.mydrive.covid;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a day as people in Vietnam write it: {@code dd-mm-yyyy} (the original client's form), also
 * {@code d-m-yyyy}, {@code dd/mm/yyyy}, {@code dd.mm.yyyy}, each also with a two-digit year, and ISO
 * {@code yyyy-mm-dd}. Strict: 31-02-2021 is not a day.
 */
public final class DayInput {

    private static final DateTimeFormatter DISPLAY = DateTimeFormatter.ofPattern("dd-MM-uuuu");
    /** Day, month, year with one separator used twice; a two-digit year is this century's, as on forms. */
    private static final Pattern WRITTEN = Pattern.compile("(\\d{1,2})([-/.])(\\d{1,2})\\2(\\d{4}|\\d{2})");
    private static final Pattern ISO = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})");

    private DayInput() {
    }

    /**
     * The day, or empty when the text is not one in any accepted form. The form is told by its shape before any
     * date is made, so only an impossible day costs an exception (lookups run this at every request).
     */
    public static Optional<LocalDate> parse(String text) {
        if (text == null || text.length() > 20) {
            return Optional.empty();
        }
        String day = text.strip();
        Matcher written = WRITTEN.matcher(day);
        if (written.matches()) {
            int year = Integer.parseInt(written.group(4));
            return date(written.group(4).length() == 2 ? 2000 + year : year, written.group(3), written.group(1));
        }
        Matcher iso = ISO.matcher(day);
        return iso.matches() ? date(Integer.parseInt(iso.group(1)), iso.group(2), iso.group(3)) : Optional.empty();
    }

    /**
     * A day as pages, the API and CSV files show it: dd-mm-yyyy. Put together by hand for the years of the figures:
     * an answer writes hundreds of days, and the formatter's own work was an eighth of what a dashboard request
     * allocated (docs/benchmarks.md).
     */
    public static String display(LocalDate day) {
        int year = day.getYear();
        if (year < 1000 || year > 9999) {
            return DISPLAY.format(day);
        }
        int d = day.getDayOfMonth();
        int m = day.getMonthValue();
        return new String(new char[] {digit(d / 10), digit(d % 10), '-', digit(m / 10), digit(m % 10), '-',
            digit(year / 1000), digit(year / 100 % 10), digit(year / 10 % 10), digit(year % 10)});
    }

    private static char digit(int value) {
        return (char) ('0' + value);
    }

    private static Optional<LocalDate> date(int year, String month, String day) {
        try {
            return Optional.of(LocalDate.of(year, Integer.parseInt(month), Integer.parseInt(day)));
        } catch (DateTimeException notADay) {
            return Optional.empty();
        }
    }
}
