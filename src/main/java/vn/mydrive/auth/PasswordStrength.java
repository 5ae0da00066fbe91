package vn.mydrive.auth;

import com.nulabinc.zxcvbn.Strength;
import com.nulabinc.zxcvbn.Zxcvbn;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.ResourceBundle;

/**
 * Whether a new password is hard enough to guess, judged by zxcvbn (the Java port of Dropbox's estimator,
 * which knows common passwords, words, names, keyboard patterns, repeats, sequences and dates) plus one rule
 * of ours: a password may not contain its own username. A password must reach score 3 of 4 (about 10^8
 * guesses), which refuses "password", "12345678", "aaaaaaaa" and eight spaces but takes a few uncommon words.
 */
final class PasswordStrength {

    static final int MIN_SCORE = 3;
    /** Loading the estimator's dictionaries takes a moment; it is done once and the estimator is stateless. */
    private static final Zxcvbn ESTIMATOR = new Zxcvbn();
    /** Words anyone would try against this site. */
    private static final List<String> SITE_WORDS = List.of("mydrive", "drive", "covid");

    /** What makes a password easy to guess; the code names a message in both languages. */
    enum Weakness {
        CONTAINS_USERNAME("contains_username"), COMMON("common"), WORD("word"), NAMES("names"),
        KEYBOARD("keyboard"), REPEATS("repeats"), SEQUENCE("sequence"), DATES("dates"), GUESSABLE("guessable");

        private final String code;

        Weakness(String code) {
            this.code = code;
        }

        String code() {
            return code;
        }
    }

    private PasswordStrength() {
    }

    /** Why the password is too weak, or empty when it is strong enough. Expects a password of valid length. */
    static Optional<Weakness> weakness(String password, String username) {
        if (username != null && username.length() >= Usernames.MIN_LENGTH
                && password.toLowerCase(Locale.ROOT).contains(username.toLowerCase(Locale.ROOT))) {
            return Optional.of(Weakness.CONTAINS_USERNAME);
        }
        List<String> userInputs = username == null ? SITE_WORDS
                : java.util.stream.Stream.concat(SITE_WORDS.stream(), java.util.stream.Stream.of(username)).toList();
        Strength strength = ESTIMATOR.measure(password, userInputs);
        try {
            if (strength.getScore() >= MIN_SCORE) {
                return Optional.empty();
            }
            return Optional.of(classify(strength.getFeedback().withResourceBundle(MessageKeys.INSTANCE).getWarning()));
        } finally {
            strength.wipe();
        }
    }

    /** Sorts zxcvbn's warning (given as its message key) into our own, translated, kinds. */
    private static Weakness classify(String warningKey) {
        if (warningKey == null || warningKey.isEmpty()) {
            return Weakness.GUESSABLE;
        }
        if (warningKey.startsWith("feedback.dictionary.warning.passwords")) {
            return Weakness.COMMON;
        }
        if (warningKey.startsWith("feedback.dictionary.warning.englishWikipedia")) {
            return Weakness.WORD;
        }
        if (warningKey.startsWith("feedback.dictionary.warning.etc")) {
            return Weakness.NAMES;
        }
        if (warningKey.startsWith("feedback.spatial")) {
            return Weakness.KEYBOARD;
        }
        if (warningKey.startsWith("feedback.repeat")) {
            return Weakness.REPEATS;
        }
        if (warningKey.startsWith("feedback.sequence")) {
            return Weakness.SEQUENCE;
        }
        if (warningKey.startsWith("feedback.regex") || warningKey.startsWith("feedback.date")) {
            return Weakness.DATES;
        }
        return Weakness.GUESSABLE;
    }

    /** A bundle whose every message is its own key, so zxcvbn's feedback tells which warning it chose. */
    private static final class MessageKeys extends ResourceBundle {
        static final MessageKeys INSTANCE = new MessageKeys();

        @Override
        protected Object handleGetObject(String key) {
            return key;
        }

        @Override
        public Enumeration<String> getKeys() {
            return Collections.emptyEnumeration();
        }
    }
}
