package vn.mydrive.covid.source;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import vn.mydrive.covid.DailyFigure;
import vn.mydrive.covid.Province;
import vn.mydrive.covid.SnapshotLoader;

/**
 * A local HTTP server playing the three COVID sources, in their real shapes: the portal's JSON API built from
 * the bundled series (with a few deliberate changes), the Wikipedia template's table of totals, and bulletin pages
 * ({@code /bulletin} by mode, any page of {@code covid/pages/} at {@code /pages/<name>}), and the ministry's
 * timeline page by page ({@link #timelineAddress}). It can also misbehave: HTTP 500, answers too slow for the
 * timeout, pages whose layout changed.
 */
public final class FixtureSources implements AutoCloseable {

    /** How the server answers. */
    public enum Mode { GOOD, HTTP_500, SLOW, CHANGED, GARBAGE, UNKNOWN_PROVINCE }

    /** Hà Nội's new cases on 21-01-2022 (the bundled series' last day) in the portal fixture: the snapshot's figure plus this. */
    public static final long PORTAL_CHANGE = 1000;
    /** The portal fixture adds Hà Nội's 23-01-2022 with this count (the bulletin page then says 2.910). */
    public static final long PORTAL_NEW_DAY = 2500;

    private static final String TIMELINE_PATH = "/web/guest/dong-thoi-gian";
    private static final Pattern TIMELINE_CUR = Pattern.compile("(?:^|&)_[A-Za-z0-9_]*_cur=(\\d+)");

    private final HttpServer server;
    private final List<Province> provinces = SnapshotLoader.provinces();
    private final Map<Integer, List<DailyFigure>> series = SnapshotLoader.daily().stream()
            .collect(Collectors.groupingBy(DailyFigure::code, TreeMap::new, Collectors.toList()));
    private volatile Mode mode = Mode.GOOD;
    private final Map<String, List<Integer>> timelinePages = new ConcurrentHashMap<>();
    private final Map<String, UnaryOperator<String>> timelineChanges = new ConcurrentHashMap<>();

    public FixtureSources(int port) {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/portal/", this::portal);
        server.createContext("/table", this::table);
        server.createContext("/bulletin", this::bulletin);
        server.createContext("/pages/", this::page);
        server.createContext("/timeline/", this::timeline);
        server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
        server.start();
    }

    public String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public void mode(Mode mode) {
        this.mode = mode;
    }

    private void portal(HttpExchange exchange) throws IOException {
        if (misbehave(exchange)) {
            return;
        }
        int code = Integer.parseInt(exchange.getRequestURI().getPath().substring("/portal/".length()));
        JsonObjectBuilder cases = Json.createObjectBuilder();
        JsonObjectBuilder deaths = Json.createObjectBuilder();
        for (DailyFigure f : series.getOrDefault(code, List.of())) {
            String day = f.date().getDayOfMonth() + "/" + f.date().getMonthValue() + "/" + f.date().getYear();
            long newCases = f.newCases() == null ? 0 : f.newCases();
            if (code == 1 && day.equals("21/1/2022")) {
                newCases += PORTAL_CHANGE;
            }
            cases.add(day, newCases);
            deaths.add(day, f.newDeaths() == null ? 0 : f.newDeaths());
        }
        if (code == 1) {
            cases.add("23/1/2022", PORTAL_NEW_DAY);
        }
        String body = mode == Mode.CHANGED ? "{\"data\": []}"
                : mode == Mode.GARBAGE ? "{\"id\": " + code + ", \"case_by_day\": {\"22/1/2022\": \"many\"}, \"death_by_day\": {}}"
                : Json.createObjectBuilder().add("id", code).add("case_by_day", cases).add("death_by_day", deaths)
                        .build().toString();
        // The portal declared text/html for its JSON: the source must not trust the content type.
        send(exchange, 200, "text/html; charset=utf-8", body);
    }

    /**
     * The Vietnamese Wikipedia template's table: a caption, two header rows ("Tỉnh thành" over both, "Số ca" over
     * the five counts), a sums row of th cells, then one row per province with footnote links. Deaths are the code
     * times ten, recoveries the cases less deaths and those under treatment; Hậu Giang's recoveries are "—".
     */
    private void table(HttpExchange exchange) throws IOException {
        if (misbehave(exchange)) {
            return;
        }
        if (mode == Mode.CHANGED) {
            send(exchange, 200, "text/html; charset=utf-8", "<html><body><div class=\"chart\">Biểu đồ</div></body></html>");
            return;
        }
        StringBuilder rows = new StringBuilder();
        long all = 0;
        for (Province p : provinces) {
            long cases = totalCases(p.code());
            all += cases;
            String name = p.code() == 2 ? "TP. Hồ Chí Minh" : p.code() == 33 ? "Thừa Thiên - Huế" : p.name();
            if (mode == Mode.UNKNOWN_PROVINCE && p.code() == 64) {
                name = "Atlantis";
            }
            String casesText = mode == Mode.GARBAGE && p.code() == 5 ? "12,3a" : grouped(cases);
            long deaths = Math.min(cases, p.code() * 10L);
            long active = Math.min(cases - deaths, p.code());
            rows.append("<tr>\n<td><a href=\"/wiki/").append(p.code()).append("\" title=\"").append(name).append("\">")
                    .append(name).append("</a>").append(p.code() == 2 ? "<sup class=\"reference\"><a href=\"#cite_note-a\">[a]</a></sup>" : "")
                    .append("</td>\n<td>").append(casesText).append("</td>\n<td>").append(grouped(active))
                    .append("</td>\n<td>0</td>\n<td>").append(p.code() == 64 ? "—" : grouped(cases - deaths - active))
                    .append("</td>\n<td>").append(grouped(deaths)).append("</td></tr>\n");
        }
        String page = "<!DOCTYPE html><html lang=\"vi\"><head><meta charset=\"UTF-8\"><title>Bản mẫu:Dữ liệu đại dịch"
                + " COVID-19/Số ca nhiễm theo tỉnh thành tại Việt Nam – Wikipedia tiếng Việt</title></head><body>"
                + "<div id=\"mw-content-text\" class=\"mw-body-content\"><div class=\"mw-parser-output\">"
                + "<table class=\"wikitable sortable mw-collapsible plainrowheaders\" style=\"text-align:right\">\n"
                + "<caption><span class=\"nowrap\">Số ca nhiễm theo tỉnh thành tại Việt Nam</span></caption>\n<tbody>"
                + "<tr><th scope=\"col\" rowspan=\"2\">Tỉnh thành</th><th scope=\"col\" colspan=\"5\">Số ca"
                + "<sup class=\"reference\"><a href=\"#cite_note-b\">[b]</a></sup></th></tr>\n"
                + "<tr><th scope=\"col\">Ca nhiễm</th><th scope=\"col\">Đang điều trị</th><th scope=\"col\">Khác"
                + "<sup class=\"reference\"><a href=\"#cite_note-c\">[c]</a></sup></th>"
                + "<th scope=\"col\">Hồi phục</th><th scope=\"col\">Tử vong</th></tr>\n"
                + "<tr class=\"sorttop\"><th>63 / 63</th><th>" + grouped(all) + "</th><th>—</th><th>—</th><th>—</th>"
                + "<th>—</th></tr>\n"
                + rows + "</tbody></table>\n<div class=\"reflist\"><ol class=\"references\">"
                + "<li id=\"cite_note-a\">Bao gồm các ca ghi nhận tại cộng đồng.</li>"
                + "<li id=\"cite_note-b\">Số liệu của Bộ Y tế.</li>"
                + "<li id=\"cite_note-c\">Chuyển viện, không còn theo dõi.</li></ol></div></div></div></body></html>";
        send(exchange, 200, "text/html; charset=utf-8", page);
    }

    private void bulletin(HttpExchange exchange) throws IOException {
        if (misbehave(exchange)) {
            return;
        }
        String page = switch (mode) {
            case CHANGED -> "bulletin-changed.html";
            case GARBAGE -> "bulletin-garbage.html";
            case UNKNOWN_PROVINCE -> "bulletin-unknown.html";
            default -> "bulletin.html";
        };
        sendPage(exchange, resource("/covid/pages/" + page));
    }

    /** Any page of src/test/resources/covid/pages/ by its name, for tests of other page shapes. */
    private void page(HttpExchange exchange) throws IOException {
        String name = exchange.getRequestURI().getPath().substring("/pages/".length());
        Optional<String> page = name.matches("[a-z0-9-]+\\.html") ? resource("/covid/pages/" + name) : Optional.empty();
        sendPage(exchange, page);
    }

    /**
     * The ministry's timeline (https://ncov.moh.gov.vn/web/guest/dong-thoi-gian) as played in {@code scenario}: the
     * first page, whose pager leads to the others.
     */
    public String timelineAddress(String scenario) {
        return base() + "/timeline/" + scenario + TIMELINE_PATH;
    }

    /**
     * In {@code scenario}, page {@code number} of the timeline is served as {@code change} makes it from the stored
     * page (whose links still name https://ncov.moh.gov.vn).
     */
    public void changeTimelinePage(String scenario, int number, UnaryOperator<String> change) {
        timelineChanges.put(scenario + "/" + number, change);
    }

    /** Page {@code number} of the timeline as stored. */
    public static String timelinePage(int number) {
        return resource("/covid/timeline/timeline-" + number + ".html").orElseThrow();
    }

    /** The timeline's pages served in {@code scenario}, by number, in the order they were asked for. */
    public List<Integer> timelinePages(String scenario) {
        return List.copyOf(timelinePages.getOrDefault(scenario, List.of()));
    }

    /**
     * Page N of the timeline (the pager's {@code ..._cur=N}, none for the first) from covid/timeline/: in a scenario,
     * its own {@code timeline-N-<scenario>.html} if there is one, else {@code timeline-N.html}, changed as the
     * scenario says ({@link #changeTimelinePage}). The pages' links to https://ncov.moh.gov.vn lead back here,
     * within the scenario; those to https://moh.gov.vn (another host) too, but under the host name localhost, so
     * that a page reached through one is seen.
     */
    private void timeline(HttpExchange exchange) throws IOException {
        String[] path = exchange.getRequestURI().getPath().split("/", 4);
        Matcher cur = TIMELINE_CUR.matcher(Objects.toString(exchange.getRequestURI().getRawQuery(), ""));
        if (path.length < 4 || !("/" + path[3]).equals(TIMELINE_PATH)) {
            sendPage(exchange, Optional.empty());
            return;
        }
        String scenario = path[2];
        int number = cur.find() ? Integer.parseInt(cur.group(1)) : 1;
        timelinePages.computeIfAbsent(scenario, s -> new CopyOnWriteArrayList<>()).add(number);
        Optional<String> page = resource("/covid/timeline/timeline-" + number + "-" + scenario + ".html")
                .or(() -> resource("/covid/timeline/timeline-" + number + ".html"))
                .map(timelineChanges.getOrDefault(scenario + "/" + number, UnaryOperator.identity()));
        sendPage(exchange, page.map(html -> html.replace("https://ncov.moh.gov.vn", base() + "/timeline/" + scenario)
                .replace("https://moh.gov.vn", "http://localhost:" + server.getAddress().getPort() + "/timeline/" + scenario)));
    }

    private static Optional<String> resource(String name) {
        try (InputStream in = FixtureSources.class.getResourceAsStream(name)) {
            return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sendPage(HttpExchange exchange, Optional<String> page) throws IOException {
        if (page.isPresent()) {
            send(exchange, 200, "text/html; charset=utf-8", page.get());
        } else {
            send(exchange, 404, "text/plain", "Not Found");
        }
    }

    /** The table's figure for a province: the sum of its series, plus one, so it differs from that sum. */
    public long totalCases(int code) {
        return series.getOrDefault(code, List.of()).stream().mapToLong(f -> f.newCases() == null ? 0 : f.newCases())
                .sum() + 1;
    }

    private boolean misbehave(HttpExchange exchange) throws IOException {
        if (mode == Mode.HTTP_500) {
            send(exchange, 500, "text/plain", "Internal Server Error");
            return true;
        }
        if (mode == Mode.SLOW) {
            try {
                Thread.sleep(3000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return false;
    }

    private static String grouped(long n) {
        return String.format(java.util.Locale.ROOT, "%,d", n).replace(',', '.');
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        } catch (IOException clientGone) {
            // The source gave up (timeout); nothing to do.
        }
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
