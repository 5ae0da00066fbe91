package vn.mydrive.covid.source;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import vn.mydrive.covid.SourceException;

/**
 * Fetches pages, with a time limit and a size limit, turning every failure into a reason; jsoup parses them.
 * The fetching is the JDK's {@link HttpURLConnection}, not jsoup's own: jsoup keeps one JDK {@code HttpClient} in a
 * static field, whose selector thread never ends and holds the app's class loader, so an undeployed app was never
 * unloaded (tens of megabytes per deployment).
 */
final class PageFetcher {

    /** No page or API answer a source reads is anywhere near this. */
    private static final int MAX_BODY_BYTES = 8 * 1024 * 1024;
    private static final String USER_AGENT = "MyDrive COVID lookup (+https://github.com/mydrive)";
    private static final Pattern CHARSET = Pattern.compile("charset=\"?([A-Za-z0-9._:-]+)", Pattern.CASE_INSENSITIVE);

    private final Duration timeout;

    PageFetcher(Duration timeout) {
        this.timeout = timeout;
    }

    Document html(String url) throws SourceException {
        Body body = fetch(url);
        String type = body.contentType() == null ? "" : body.contentType().toLowerCase(Locale.ROOT);
        if (!type.startsWith("text/html") && !type.startsWith("application/xhtml+xml")) {
            throw new SourceException("Unexpected content type " + body.contentType() + " from " + url);
        }
        try (InputStream in = new java.io.ByteArrayInputStream(body.bytes())) {
            return Jsoup.parse(in, body.charset() == null ? null : body.charset().name(), url);
        } catch (IOException e) {
            throw new SourceException("Cannot read the page from " + url + ": " + e.getMessage(), e);
        }
    }

    /** A response body read as text whatever its declared type (JSON APIs often declare none or a wrong one). */
    String text(String url) throws SourceException {
        Body body = fetch(url);
        return new String(body.bytes(), body.charset() == null ? StandardCharsets.UTF_8 : body.charset());
    }

    private record Body(byte[] bytes, String contentType, Charset charset) {
    }

    private Body fetch(String url) throws SourceException {
        HttpURLConnection connection = null;
        try {
            connection = (HttpURLConnection) URI.create(url).toURL().openConnection();
            connection.setConnectTimeout((int) timeout.toMillis());
            connection.setReadTimeout((int) timeout.toMillis());
            connection.setInstanceFollowRedirects(true);
            connection.setRequestProperty("User-Agent", USER_AGENT);
            int status = connection.getResponseCode();
            if (status >= 400) {
                throw new SourceException("HTTP " + status + " from " + url);
            }
            String contentType = connection.getContentType();
            try (InputStream in = connection.getInputStream()) {
                return new Body(readLimited(in, url), contentType, charsetOf(contentType));
            }
        } catch (SocketTimeoutException e) {
            throw new SourceException("No answer from " + url + " in time", e);
        } catch (IOException | IllegalArgumentException e) {
            throw new SourceException("Cannot fetch " + url + ": " + (e.getMessage() == null ? e.toString() : e.getMessage()), e);
        } finally {
            if (connection != null) {
                connection.disconnect();
            }
        }
    }

    private static byte[] readLimited(InputStream in, String url) throws IOException, SourceException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[16 * 1024];
        for (int n; (n = in.read(buffer)) >= 0; ) {
            if (out.size() + n > MAX_BODY_BYTES) {
                throw new SourceException("The answer from " + url + " is larger than " + MAX_BODY_BYTES + " bytes");
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    private static Charset charsetOf(String contentType) {
        if (contentType == null) {
            return null;
        }
        Matcher charset = CHARSET.matcher(contentType);
        try {
            return charset.find() ? Charset.forName(charset.group(1)) : null;
        } catch (IllegalArgumentException unknown) {
            return null;
        }
    }
}
