package vn.mydrive.platform.time;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * Vietnam's clock, where MyDrive's people are: every time and day shown to them, and every day the COVID
 * figures are counted by, is in this zone (UTC+7, no daylight saving), written the way Vietnamese write dates.
 */
public final class VietnamTime {

    public static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("HH:mm dd-MM-yyyy");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("dd-MM-yyyy HH:mm");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd-MM-yyyy");

    private VietnamTime() {
    }

    /** "21:04 01-12-2026". */
    public static String dateTime(Instant instant) {
        return DATE_TIME.format(instant.atZone(ZONE));
    }

    /** "01-12-2026 21:04": a moment in a list or table, sorted the way it reads. */
    public static String stamp(Instant instant) {
        return STAMP.format(instant.atZone(ZONE));
    }

    /** "01-12-2026". */
    public static String day(LocalDate day) {
        return DAY.format(day);
    }

    public static LocalDate today() {
        return LocalDate.now(ZONE);
    }
}
