package vn.mydrive.auth;

/**
 * Decides where to go after sign-in. Only paths inside the app are followed, so a crafted sign-in link cannot
 * send someone to another site.
 */
final class SafeRedirects {

    static final String HOME = "/app/drive.xhtml";

    private SafeRedirects() {
    }

    static String target(String next) {
        if (next == null || next.isBlank() || !next.startsWith("/") || next.startsWith("//")
                || next.contains("\\") || next.contains("\r") || next.contains("\n")
                || next.startsWith(TokenAuthenticationMechanism.SIGN_IN_PAGE) || next.length() > 2000) {
            return HOME;
        }
        return next;
    }
}
