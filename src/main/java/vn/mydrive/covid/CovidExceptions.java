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
                    "No province or city has that name. Did you mean: " + String.join(", ", suggestions) + "?");
            this.suggestions = List.copyOf(suggestions);
        }

        public List<String> suggestions() {
            return suggestions;
        }

        @Override
        public Object[] messageArguments() {
            return new Object[] {String.join(", ", suggestions)};
        }
    }

    public static final class InvalidDateException extends ApiException {
        public InvalidDateException() {
            super(Status.BAD_REQUEST, "invalid_date", "Write the day as dd-mm-yyyy, e.g. 01-12-2021.");
        }
    }

    public static final class FutureDateException extends ApiException {
        public FutureDateException() {
            super(Status.BAD_REQUEST, "future_date", "That day has not come yet.");
        }
    }

    /** The province published nothing for that day (or the day is outside the data). */
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
