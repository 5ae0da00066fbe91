package vn.mydrive.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordStrengthTest {

    @ParameterizedTest(name = "\"{0}\" is refused as {1}")
    @CsvSource(delimiter = '|', value = {
        "password|COMMON", "12345678|COMMON", "qwertyuiop|COMMON", "aaaaaaaa|SEQUENCE", "'        '|REPEATS",
        "alice-2024|CONTAINS_USERNAME", "ALICEalice|CONTAINS_USERNAME", "zxcvbnm,./|KEYBOARD"})
    void guessablePasswordsAreRefusedWithTheirReason(String password, PasswordStrength.Weakness expected) {
        assertEquals(Optional.of(expected), PasswordStrength.weakness(password, "alice"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"correct horse battery", "toi yeu ha noi mua thu", "Nguyen Van An 1990 Hue",
        "Ωж€ệ\uD83D\uDE42λ字ß"})
    void passwordsHardToGuessAreAccepted(String password) {
        assertEquals(Optional.empty(), PasswordStrength.weakness(password, "alice"));
    }

    @Test
    void aShortUsernameIsNotHeldAgainstAPassword() {
        // "ab" is not a valid username; a password may contain any two letters.
        assertTrue(PasswordStrength.weakness("correct horse battery", "or").isEmpty());
    }
}
