package vn.mydrive.auth;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CredentialRulesTest {

    @ParameterizedTest
    @ValueSource(strings = {"abc", "Alice", "nguyen.van_a-1", "A234567890123456789012345678901B"})
    void validUsernames(String name) {
        assertTrue(Usernames.isValid(name));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "ab", "A2345678901234567890123456789012X", "has space", "nguyễn", "<b>", "a/b",
            "../x", "tab\there", "émile"})
    void invalidUsernames(String name) {
        assertFalse(Usernames.isValid(name));
    }

    @Test
    void passwordLengthCountsCharactersNotBytesOrUnits() {
        assertTrue(Passwords.isValid("12345678"));
        assertFalse(Passwords.isValid("1234567"));
        assertTrue(Passwords.isValid("ệ".repeat(128)));
        assertFalse(Passwords.isValid("x".repeat(129)));
        // Eight emoji are eight characters, though sixteen UTF-16 units.
        assertTrue(Passwords.isValid("\uD83D\uDE00".repeat(8)));
        assertTrue(Passwords.isValid("\uD83D\uDE00".repeat(128)));
        assertFalse(Passwords.isValid("\uD83D\uDE00".repeat(129)));
        assertFalse(Passwords.isValid(null));
    }
}
