package vn.mydrive.covid;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.Optional;

/**
 * Reads a day as people in Vietnam write it: {@code dd-mm-yyyy} (the original client's form), also
 * {@code d-m-yyyy}, {@code dd/mm/yyyy}, {@code dd.mm.yyyy}, each also with a two-digit year, and ISO
 * {@code yyyy-mm-dd}. Strict: 31-02-2021 is not a day.
 */
public final class DayInput {

    public static final DateTimeFormatter DISPLAY = DateTimeFormatter.ofPattern("dd-MM-uuuu");
    /** Two-digit years are this century's: "01-12-21" is 01-12-2021, as people write on forms. */
    private static final List<DateTimeFormatter> ACCEPTED = List.of(
            DateTimeFormatter.ofPattern("d-M-uuuu").withResolverStyle(ResolverStyle.STRICT),
            DateTimeFormatter.ofPattern("d/M/uuuu").withResolverStyle(ResolverStyle.STRICT),
            DateTimeFormatter.ofPattern("d.M.uuuu").withResolverStyle(ResolverStyle.STRICT),
            DateTimeFormatter.ofPattern("d-M-uu").withResolverStyle(ResolverStyle.STRICT),
            DateTimeFormatter.ofPattern("d/M/uu").withResolverStyle(ResolverStyle.STRICT),
            DateTimeFormatter.ofPattern("d.M.uu").withResolverStyle(ResolverStyle.STRICT),
            DateTimeFormatter.ISO_LOCAL_DATE.withResolverStyle(ResolverStyle.STRICT));

    private DayInput() {
    }

    /** The day, or empty when the text is not one in any accepted form. */
    public static Optional<LocalDate> parse(String text) {
        if (text == null || text.length() > 20) {
            return Optional.empty();
        }
        for (DateTimeFormatter format : ACCEPTED) {
            try {
                return Optional.of(LocalDate.parse(text.strip(), format));
            } catch (DateTimeParseException notThisForm) {
                // Try the next form.
            }
        }
        return Optional.empty();
    }
}
