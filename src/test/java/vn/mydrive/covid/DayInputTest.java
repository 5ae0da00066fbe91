package vn.mydrive.covid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DayInputTest {

    @ParameterizedTest
    @ValueSource(strings = {"01-12-2021", "1-12-2021", "01/12/2021", "1/12/2021", "2021-12-01", " 01-12-2021 ",
        "01.12.2021", "01-12-21", "1/12/21", "01.12.21"})
    void everyAcceptedFormReadsTheSameDay(String text) {
        assertEquals(LocalDate.of(2021, 12, 1), DayInput.parse(text).orElseThrow());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "31-02-2021", "32-01-2021", "01-13-2021", "12/2021", "2021/12/01", "29-02-21",
        "tomorrow", "01-12-221", "01-12-1", "1e3", "01-12-2021; drop table", "0000-00-00", "31-04-21", "01-12/2021",
        "01.12-21", "01-12-02021", "+2021-12-01", "2021-1-01", "001-12-2021", "٠١-١٢-٢٠٢١"})
    void anythingElseIsNotADay(String text) {
        assertTrue(DayInput.parse(text).isEmpty(), text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"05-07-2021", "31-12-1999", "01-01-2000", "29-02-2024", "18-03-2020", "0001-01-01",
        "9999-12-31", "0999-06-15", "1000-01-10"})
    void daysAreShownAsDdMmYyyyAndReadBackTheSame(String written) {
        LocalDate day = DayInput.parse(written).orElseThrow();
        String shown = DayInput.display(day);
        assertEquals(java.time.format.DateTimeFormatter.ofPattern("dd-MM-uuuu").format(day), shown);
        assertEquals(day, DayInput.parse(shown).orElseThrow());
    }
}
