package vn.mydrive.covid;

import jakarta.ws.rs.core.Response.Status;
import java.util.List;
import vn.mydrive.platform.web.ApiException;

/** What can go wrong with a lookup, each with its own message and stable code. */
public final class CovidExceptions {

    private CovidExceptions() {
    }

    public static final class MissingProvinceException extends ApiException {
        public MissingProvinceException() {
            super(Status.BAD_REQUEST, "missing_province", "Type a province or city, e.g. Hà Nội.");
        }
    }

    /** Nothing matches; the closest names are suggested. */
    public static final class UnknownProvinceException extends ApiException {
        private final List<String> suggestions;

        public UnknownProvinceException(List<String> suggestions) {
            super(Status.NOT_FOUND, "unknown_province",
                    suggestions.isEmpty() ? "No province or city has that name; type one of Vietnam's 63, e.g. Hà Nội."
                            : "No province or city has that name. Did you mean: " + String.join(", ", suggestions)
                            + "?");
            this.suggestions = List.copyOf(suggestions);
        }

        public List<String> suggestions() {
            return suggestions;
        }

        @Override
        public Object[] messageArguments() {
            return new Object[] {String.join(", ", suggestions), suggestions.size()};
        }
    }

    /** Not a day in any form people write (31-02-2021 is none), or not a day at all. */
    public static final class InvalidDateException extends ApiException {
        public InvalidDateException() {
            super(Status.BAD_REQUEST, "invalid_date",
                    "Write a real day as dd-mm-yyyy (or dd-mm-yy), e.g. 01-12-2021.");
        }
    }

    public static final class FutureDateException extends ApiException {
        private final String first;
        private final String last;

        public FutureDateException(String first, String last) {
            super(Status.BAD_REQUEST, "future_date",
                    "That day has not come yet. The figures cover " + first + " to " + last + ".");
            this.first = first;
            this.last = last;
        }

        @Override
        public Object[] messageArguments() {
            return new Object[] {first, last};
        }
    }

    /** A past day the data does not reach (before the first case, or after the last day the sources reported). */
    public static final class OutsideDataException extends ApiException {
        private final String day;
        private final String first;
        private final String last;

        public OutsideDataException(String day, String first, String last) {
            super(Status.NOT_FOUND, "outside_data",
                    "The figures cover " + first + " to " + last + "; " + day + " is outside them.");
            this.day = day;
            this.first = first;
            this.last = last;
        }

        @Override
        public Object[] messageArguments() {
            return new Object[] {day, first, last};
        }
    }

    /** The province published nothing for that day, within the days the data covers. */
    public static final class NoDataException extends ApiException {
        private final String province;
        private final String day;

        public NoDataException(String province, String day) {
            super(Status.NOT_FOUND, "no_data", province + " published no figures for " + day + ".");
            this.province = province;
            this.day = day;
        }

        @Override
        public Object[] messageArguments() {
            return new Object[] {province, day};
        }
    }
}
