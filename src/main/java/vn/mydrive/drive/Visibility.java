package vn.mydrive.drive;

/** Who sees a file: everyone signed in (the default, as in the original product) or its owner alone. */
public enum Visibility {
    SHARED, PRIVATE;

    public static Visibility parse(String value) {
        if (value == null) {
            return null;
        }
        return switch (value.toLowerCase(java.util.Locale.ROOT)) {
            case "shared" -> SHARED;
            case "private" -> PRIVATE;
            default -> null;
        };
    }

    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
