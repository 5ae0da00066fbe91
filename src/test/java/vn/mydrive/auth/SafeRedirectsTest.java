package vn.mydrive.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SafeRedirectsTest {

    @ParameterizedTest
    @ValueSource(strings = {"/app/drive.xhtml", "/app/covid.xhtml?province=HCM", "/admin/monitor.xhtml"})
    void pathsInsideTheAppAreFollowed(String next) {
        assertEquals(next, SafeRedirects.target(next));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "https://evil.example/", "//evil.example/x", "/\\evil.example", "javascript:alert(1)",
            "app/drive.xhtml", "/login.xhtml?next=/login.xhtml", "/app\r\nSet-Cookie: x=y"})
    void everythingElseGoesHome(String next) {
        assertEquals(SafeRedirects.HOME, SafeRedirects.target(next));
    }
}
