package vn.mydrive.covid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ProvinceDirectoryTest {

    private static final ProvinceDirectory PROVINCES = new ProvinceDirectory(SnapshotLoader.provinces());

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Hà Nội|Hà Nội", "ha noi|Hà Nội", "HA NOI|Hà Nội", "  hà   nội  |Hà Nội", "TP. Hà Nội|Hà Nội",
        "Thành phố Hà Nội|Hà Nội", "tp ha noi|Hà Nội",
        "TP. Hồ Chí Minh|Hồ Chí Minh", "Ho Chi Minh|Hồ Chí Minh", "HCM|Hồ Chí Minh", "tphcm|Hồ Chí Minh",
        "Sài Gòn|Hồ Chí Minh", "sai gon|Hồ Chí Minh",
        "Thừa Thiên - Huế|Thừa Thiên Huế", "Hue|Thừa Thiên Huế", "Tỉnh Đắk Lắk|Đắk Lắk", "Đăk Lăk|Đắk Lắk",
        "Daklak|Đắk Lắk", "Khánh Hoà|Khánh Hòa", "khanh hoa|Khánh Hòa", "Bà Rịa Vũng Tàu|Bà Rịa - Vũng Tàu",
        "da nang|Đà Nẵng", "Dien Bien|Điện Biên"})
    void everySpellingFindsItsProvince(String typed, String canonical) {
        assertEquals(canonical, PROVINCES.find(typed).orElseThrow().name());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "Atlantis", "Hà", "<script>", "Hà Nội Hà Nội"})
    void nonsenseFindsNothing(String typed) {
        assertTrue(PROVINCES.find(typed).isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"Việt Nam", "viet nam", "Vietnam", "Cả nước", "ca nuoc", "Toàn quốc"})
    void theWholeCountryIsRecognised(String typed) {
        assertTrue(ProvinceDirectory.isWholeCountry(typed));
    }

    @org.junit.jupiter.api.Test
    void thereAre63Provinces() {
        assertEquals(63, PROVINCES.all().size());
        assertFalse(ProvinceDirectory.isWholeCountry("Hà Nội"));
    }

    @org.junit.jupiter.api.Test
    void misspellingsGetTheClosestNames() {
        assertEquals("Hà Nội", PROVINCES.closest("Ha Noii", 3).get(0));
        assertEquals("Đà Nẵng", PROVINCES.closest("Da Nag", 3).get(0));
        assertEquals("Thanh Hóa", PROVINCES.closest("Tanh Hoa", 3).get(0));
        assertEquals(List.of(), PROVINCES.closest("zzzz", 3), "nothing like any province: no suggestion");
        assertEquals(List.of(), PROVINCES.closest("Atlantis", 3));
    }

    @org.junit.jupiter.api.Test
    void completionMatchesPrefixesFirstIgnoringDiacritics() {
        assertEquals("Hà Giang", PROVINCES.complete("ha g", 5).get(0));
        assertTrue(PROVINCES.complete("ha", 10).contains("Hà Nội"));
        assertTrue(PROVINCES.complete("minh", 10).contains("Hồ Chí Minh"));
    }
}
