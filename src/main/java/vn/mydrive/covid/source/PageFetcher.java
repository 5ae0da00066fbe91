package vn.mydrive.covid.source;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import org.jsoup.Connection;
import org.jsoup.HttpStatusException;
import org.jsoup.Jsoup;
import org.jsoup.UnsupportedMimeTypeException;
import org.jsoup.nodes.Document;

/** Fetches pages with jsoup, with a time limit and a size limit, turning every failure into a reason. */
final class PageFetcher {

    /** No page or API answer a source reads is anywhere near this. */
    private static final int MAX_BODY_BYTES = 8 * 1024 * 1024;
    private static final String USER_AGENT = "MyDrive COVID lookup (+https://github.com/mydrive)";

    private final Duration timeout;

    PageFetcher(Duration timeout) {
        this.timeout = timeout;
    }

    Document html(String url) throws SourceException {
        try {
            return connect(url).get();
        } catch (IOException e) {
            throw reason(url, e);
        }
    }

    /** A response body read as text whatever its declared type (JSON APIs often declare none or a wrong one). */
    String text(String url) throws SourceException {
        try {
            return connect(url).ignoreContentType(true).execute().body();
        } catch (IOException e) {
            throw reason(url, e);
        }
    }

    private Connection connect(String url) {
        return Jsoup.connect(url)
                .timeout((int) timeout.toMillis())
                .maxBodySize(MAX_BODY_BYTES)
                .userAgent(USER_AGENT)
                .followRedirects(true);
    }

    private static SourceException reason(String url, IOException e) {
        if (e instanceof HttpStatusException status) {
            return new SourceException("HTTP " + status.getStatusCode() + " from " + url, e);
        }
        if (e instanceof SocketTimeoutException || e instanceof java.net.http.HttpTimeoutException) {
            return new SourceException("No answer from " + url + " in time", e);
        }
        if (e instanceof UnsupportedMimeTypeException type) {
            return new SourceException("Unexpected content type " + type.getMimeType() + " from " + url, e);
        }
        return new SourceException("Cannot fetch " + url + ": " + (e.getMessage() == null ? e.toString() : e.getMessage()), e);
    }
}
