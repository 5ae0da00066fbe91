package vn.mydrive.covid.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.Optional;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

/** Which link of a pager is the next page, and when two addresses are the same page. */
class TimelinePagerTest {

    private static final String SITE = "https://ncov.moh.gov.vn/web/guest/dong-thoi-gian";

    @Test
    void theNextLinkIsTheOneLabelledNextAndNotDisabled() {
        assertEquals(Optional.of("https://ncov.moh.gov.vn/web/guest/dong-thoi-gian?_cur=3"), next(
                "<li class=\"\"><a href=\"?_cur=1\">Trước</a></li><li class=\"\"><a href=\"?_cur=3\"> Tiếp theo </a></li>"),
                "Liferay's \"Tiếp theo\", relative to the page");
        assertEquals(Optional.of("https://ncov.moh.gov.vn/p/2"), next("<li><a href=\"/p/9\">Trang cuối</a></li>"
                + "<li><a href=\"/p/2\">Trang sau&nbsp;»</a></li>"), "not the last page's");
        assertEquals(Optional.of("https://ncov.moh.gov.vn/p/2"), next("<li><a href=\"/p/2\">»</a></li>"));
        assertEquals(Optional.empty(), next("<li class=\"disabled\"><a href=\"/p/2\">Tiếp theo</a></li>"));
        assertEquals(Optional.empty(), next("<li><a href=\"javascript:;\">Tiếp theo</a></li>"));
        assertEquals(Optional.empty(), next("<li><a href=\"/p/1\">Trước</a></li><li><a href=\"/p/1\">Trang đầu</a></li>"));
    }

    @Test
    void aNextLinkOutsideAPagerOrOnAnotherHostIsNone() {
        assertEquals(Optional.empty(), TimelinePager.next(Jsoup.parse("<p><a href=\"/p/2\">Tiếp theo</a></p>", SITE), SITE),
                "a \"Tiếp theo\" in an article is no pager");
        assertEquals(Optional.empty(), next("<li><a href=\"https://moh.gov.vn/p/2\">Tiếp theo</a></li>"));
        assertEquals(Optional.of("http://NCOV.moh.gov.vn/p/2"), next("<li><a href=\"http://NCOV.moh.gov.vn/p/2\">Sau</a></li>"),
                "the same host over http, whatever its case");
    }

    @Test
    void anAddressIsThePageWhateverItsSchemeHostCaseOrFragment() {
        assertEquals(TimelinePager.key(SITE), TimelinePager.key("http://NCOV.moh.gov.vn/web/guest/./dong-thoi-gian#top"));
        assertNotEquals(TimelinePager.key(SITE), TimelinePager.key(SITE + "?_cur=1"));
        assertNotEquals(TimelinePager.key(SITE), TimelinePager.key("https://ncov.moh.gov.vn:8443/web/guest/dong-thoi-gian"));
    }

    private static Optional<String> next(String items) {
        String page = "<div class=\"clearfix lfr-pagination\"><ul class=\"lfr-pagination-buttons pager\">" + items
                + "</ul></div>";
        return TimelinePager.next(Jsoup.parse(page, SITE), SITE);
    }
}
