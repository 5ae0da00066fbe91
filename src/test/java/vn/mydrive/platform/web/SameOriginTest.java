package vn.mydrive.platform.web;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SameOriginTest {

    @Test
    void theAppsOwnOriginMatches() {
        assertTrue(SameOrigin.matches("http://localhost:8080", false, "localhost:8080"));
        assertTrue(SameOrigin.matches("https://drive.example.vn", true, "drive.example.vn"));
        assertTrue(SameOrigin.matches("http://localhost:8080/mydrive/app/drive.xhtml", false, "localhost:8080"));
    }

    @Test
    void otherSitesSchemesAndGarbageDoNot() {
        assertFalse(SameOrigin.matches("https://evil.example", true, "drive.example.vn"));
        assertFalse(SameOrigin.matches("http://drive.example.vn", true, "drive.example.vn"));
        assertFalse(SameOrigin.matches("http://localhost:8081", false, "localhost:8080"));
        assertFalse(SameOrigin.matches("null", false, "localhost:8080"));
        assertFalse(SameOrigin.matches("http://[bad", false, "localhost:8080"));
        assertFalse(SameOrigin.matches(null, false, "localhost:8080"));
        assertFalse(SameOrigin.matches("http://localhost:8080", false, null));
    }
}
