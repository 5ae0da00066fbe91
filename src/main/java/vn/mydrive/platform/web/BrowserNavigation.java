package vn.mydrive.platform.web;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Tells a person's browser following a link (a GET that accepts HTML: what a navigation sends, and what scripts
 * and API clients do not) from a program calling the API, and writes the small page such a person gets instead of
 * the JSON error: the reason, in English and Vietnamese, and a way back to the drive.
 */
final class BrowserNavigation {

    private BrowserNavigation() {
    }

    static boolean is(HttpServletRequest request) {
        String accept = request.getHeader("Accept");
        return "GET".equals(request.getMethod()) && accept != null && accept.contains("text/html");
    }

    static String page(String contextPath, String reason) {
        return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>MyDrive</title></head><body><main>"
                + "<h1>MyDrive</h1><p>" + escape(reason) + "</p>"
                + "<p lang=\"vi\">Không mở được mục này: có thể nó không tồn tại hoặc không được chia sẻ với bạn.</p>"
                + "<p><a href=\"" + escape(contextPath) + "/app/drive.xhtml\">Back to your drive · Về MyDrive</a></p>"
                + "</main></body></html>";
    }

    private static String escape(String text) {
        return text == null ? "" : text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("\"", "&quot;").replace("'", "&#39;");
    }
}
