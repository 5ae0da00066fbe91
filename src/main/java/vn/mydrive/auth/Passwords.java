package vn.mydrive.auth;

/** The length rule for passwords, counted in characters as people see them (code points). */
final class Passwords {

    static final int MIN_LENGTH = 8;
    static final int MAX_LENGTH = 128;

    private Passwords() {
    }

    static boolean isValid(String password) {
        if (password == null) {
            return false;
        }
        int length = password.codePointCount(0, password.length());
        return length >= MIN_LENGTH && length <= MAX_LENGTH;
    }
}
