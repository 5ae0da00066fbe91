package vn.mydrive.drive.web;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One byte range of a {@code Range: bytes=...} header, resolved against the file's size. Only single ranges
 * are served; a multi-range request gets the whole file, which HTTP allows.
 */
record ByteRange(long first, long last) {

    private static final Pattern SINGLE = Pattern.compile("bytes=(\\d*)-(\\d*)");

    long length() {
        return last - first + 1;
    }

    /**
     * @return empty for "send the whole file" (no header, or one we do not serve);
     * a range with {@code first > last} when nothing of the file is in the range (416)
     */
    static Optional<ByteRange> parse(String header, long size) {
        if (header == null) {
            return Optional.empty();
        }
        Matcher m = SINGLE.matcher(header.trim());
        if (!m.matches() || (m.group(1).isEmpty() && m.group(2).isEmpty())
                || m.group(1).length() > 18 || m.group(2).length() > 18) {
            return Optional.empty();
        }
        if (m.group(1).isEmpty()) {
            long suffix = Long.parseLong(m.group(2));
            return suffix == 0 || size == 0 ? Optional.of(unsatisfiable())
                    : Optional.of(new ByteRange(Math.max(0, size - suffix), size - 1));
        }
        long first = Long.parseLong(m.group(1));
        long last = m.group(2).isEmpty() ? size - 1 : Math.min(Long.parseLong(m.group(2)), size - 1);
        if (first >= size || first > last) {
            return Optional.of(unsatisfiable());
        }
        return Optional.of(new ByteRange(first, last));
    }

    boolean satisfiable() {
        return first <= last;
    }

    private static ByteRange unsatisfiable() {
        return new ByteRange(1, 0);
    }
}
