package vn.mydrive.covid;

import java.util.List;

/**
 * One of Vietnam's 63 provinces and centrally-run cities. {@code code} is the id the national COVID portal
 * used for it; {@code aliases} are other spellings seen in sources and typed by people.
 */
public record Province(int code, String name, List<String> aliases) {

    /** Code of the whole country, which is not a province but can be looked up like one. */
    public static final int WHOLE_COUNTRY = 0;

    /** How the whole country is named wherever it is shown like a province. */
    public static final String WHOLE_COUNTRY_NAME = "Việt Nam";
}
