package vn.mydrive.drive.web;

import java.text.NumberFormat;
import java.util.Locale;

/** Sizes as people read them on the drive's pages. */
final class ByteSizes {

    private static final String[] UNITS = {"B", "KB", "MB", "GB", "TB"};

    private ByteSizes() {
    }

    /** 1536 -> "1.5 KB" in the reader's number format; units are powers of 1000, as file managers show. */
    static String human(long bytes, Locale locale) {
        double value = bytes;
        int unit = 0;
        while (value >= 1000 && unit < UNITS.length - 1) {
            value /= 1000;
            unit++;
        }
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        format.setMaximumFractionDigits(unit == 0 ? 0 : 1);
        return format.format(value) + " " + UNITS[unit];
    }
}
