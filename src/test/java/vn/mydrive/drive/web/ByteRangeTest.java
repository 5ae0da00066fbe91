package vn.mydrive.drive.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ByteRangeTest {

    @ParameterizedTest
    @CsvSource({
            "'bytes=0-99', 0, 99",
            "'bytes=100-', 100, 999",
            "'bytes=-100', 900, 999",
            "'bytes=-5000', 0, 999",
            "'bytes=900-5000', 900, 999",
            "' bytes=5-5 ', 5, 5"})
    void aSingleRangeIsResolvedAgainstTheSize(String header, long first, long last) {
        ByteRange range = ByteRange.parse(header, 1000).orElseThrow();
        assertTrue(range.satisfiable());
        assertEquals(first, range.first());
        assertEquals(last, range.last());
        assertEquals(last - first + 1, range.length());
    }

    @ParameterizedTest
    @ValueSource(strings = {"bytes=1000-", "bytes=1000-2000", "bytes=-0", "bytes=50-10"})
    void aRangeOutsideTheFileIsUnsatisfiable(String header) {
        assertFalse(ByteRange.parse(header, 1000).orElseThrow().satisfiable());
    }

    @ParameterizedTest
    @ValueSource(strings = {"bytes=0-1,5-6", "items=0-1", "bytes=-", "bytes=a-b", "bytes=1234567890123456789-"})
    void whatIsNotServedAsARangeGetsTheWholeFile(String header) {
        assertEquals(Optional.empty(), ByteRange.parse(header, 1000));
    }

    @Test
    void anEmptyFileHasNoRange() {
        assertEquals(Optional.empty(), ByteRange.parse(null, 0));
        assertFalse(ByteRange.parse("bytes=-1", 0).orElseThrow().satisfiable());
        assertFalse(ByteRange.parse("bytes=0-", 0).orElseThrow().satisfiable());
    }
}
