package vn.mydrive.drive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import vn.mydrive.platform.faces.Messages;

/** Every error code is shown in both languages and documented as it behaves. */
class DriveErrorTest {

    private static final Pattern ROW =
            Pattern.compile("^\\| `([a-z_]+)` \\| (yes|no) \\| (yes|no) \\| (yes|no) \\|", Pattern.MULTILINE);

    @Test
    void everyCodeHasItsTextInEveryLanguage() {
        for (Locale locale : List.of(Locale.ENGLISH, Locale.forLanguageTag("vi"))) {
            ResourceBundle bundle = ResourceBundle.getBundle(Messages.BUNDLE, locale);
            for (DriveError error : DriveError.values()) {
                assertTrue(bundle.containsKey("error." + error.code()), "error." + error.code() + " in " + locale);
            }
        }
    }

    @Test
    void theProtocolDocumentListsEveryCodeWithHowItBehaves() throws IOException {
        Map<String, String> documented = new HashMap<>();
        Matcher row = ROW.matcher(Files.readString(Path.of("docs/transfer-protocol.md")));
        while (row.find()) {
            documented.put(row.group(1), row.group(2) + " " + row.group(3) + " " + row.group(4));
        }
        for (DriveError error : DriveError.values()) {
            assertEquals(yesNo(error.retryable()) + " " + yesNo(error.backoff()) + " " + yesNo(!error.endsUpload()),
                    documented.remove(error.code()), "the row of " + error.code());
        }
        assertEquals(Map.of(), documented, "documented codes the server does not have");
    }

    @Test
    void backPressureIsAlwaysRetryable() {
        for (DriveError error : DriveError.values()) {
            assertTrue(!error.backoff() || error.retryable(), error.code());
        }
    }

    private static String yesNo(boolean value) {
        return value ? "yes" : "no";
    }
}
