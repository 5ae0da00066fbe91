package vn.mydrive.platform.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class AccountKeyTest {

    @Test
    void namesThatDifferOnlyInCaseAreOneAccount() {
        assertEquals("alice.b", AccountKey.of("Alice.B"));
        assertTrue(AccountKey.same("Alice.B", "aLICE.b"));
        assertFalse(AccountKey.same("alice", "alice2"));
    }

    @Test
    void theKeyDoesNotDependOnTheServersLanguage() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.forLanguageTag("tr"));
            // In Turkish, "I".toLowerCase() is a dotless ı: the key must stay "ivan" whatever the machine's locale.
            assertEquals("ivan", AccountKey.of("IVAN"));
        } finally {
            Locale.setDefault(before);
        }
    }
}
