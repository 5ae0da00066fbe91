package vn.mydrive.covid.source;

import java.net.URI;
import java.net.URISyntaxException;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The timeline's link to its next (older) page. The ministry's portal printed Liferay's pager under the timeline:
 * {@code <div class="clearfix lfr-pagination"><ul class="lfr-pagination-buttons pager"><li class="disabled"><a
 * href="javascript:;">Trước</a></li><li class=""><a href="https://ncov.moh.gov.vn/web/guest/dong-thoi-gian?p_p_id=
 * ..._INSTANCE_nf7Qy5mlPXqs&...&..._cur=2">Tiếp theo</a></li></ul></div>}. The next link is the one in a pager whose
 * label says "next" ("Tiếp theo", "Tiếp", "Trang sau", "Sau", "Next", or a lone "»"/"›"), not disabled, on the
 * host the reading started from: a link to another host is never followed.
 */
final class TimelinePager {

    private static final Logger LOG = Logger.getLogger(TimelinePager.class.getName());
    private static final String PAGER_LINKS = ".lfr-pagination a[href], .pager a[href], .pagination a[href]";
    private static final Pattern NEXT = Pattern.compile(
            "(?:(?:trang\\s+)?(?:tiếp(?:\\s+theo)?|sau|kế\\s+tiếp)|next)(?:\\s*[»›→>])?|[»›]",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    private TimelinePager() {
    }

    /** The next page's address, if {@code page} has a next link on {@code site}'s host. */
    static Optional<String> next(Document page, String site) {
        for (Element link : page.select(PAGER_LINKS)) {
            String label = Normalizer.normalize(link.text(), Normalizer.Form.NFC).replace('\u00a0', ' ').strip();
            Element item = link.parent();
            if (!NEXT.matcher(label).matches() || item != null && item.hasClass("disabled")) {
                continue;
            }
            Optional<URI> next = web(link.absUrl("href"));
            if (next.isEmpty()) {
                continue;
            }
            if (!next.get().getHost().equalsIgnoreCase(host(site))) {
                LOG.warning(() -> "Not following the timeline's next page " + next.get() + ": it is not on " + site);
                return Optional.empty();
            }
            return Optional.of(next.get().toString());
        }
        return Optional.empty();
    }

    /**
     * What makes two addresses the same page: host, port, path and query, whatever the case of the host, the
     * scheme (http or https) or a fragment.
     */
    static String key(String url) {
        return web(url).map(u -> u.getHost().toLowerCase(Locale.ROOT) + (u.getPort() < 0 ? "" : ":" + u.getPort())
                + (u.getRawPath() == null || u.getRawPath().isEmpty() ? "/" : u.getRawPath())
                + (u.getRawQuery() == null ? "" : "?" + u.getRawQuery())).orElse(url);
    }

    private static String host(String url) {
        return web(url).map(URI::getHost).orElse("");
    }

    /** {@code url} as an http(s) address with a host, normalized; empty for anything else ("javascript:;", ""). */
    private static Optional<URI> web(String url) {
        try {
            URI uri = new URI(url).normalize();
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null ? Optional.of(uri)
                    : Optional.empty();
        } catch (URISyntaxException notAnAddress) {
            return Optional.empty();
        }
    }
}
