package vn.mydrive.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.mydrive.testkit.Accounts.bearer;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Predicate;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.mydrive.covid.DailyFigure;
import vn.mydrive.covid.DayInput;
import vn.mydrive.covid.SnapshotLoader;
import vn.mydrive.covid.source.FixtureSources;
import vn.mydrive.covid.source.FixtureSources.Mode;
import vn.mydrive.testkit.Accounts;
import vn.mydrive.testkit.ApiClient;

/**
 * The COVID lookup on the real server: the first timer run loads the bundled snapshot (the configured sources
 * are not up yet and fail), lookups answer exactly the bundled series, a refresh from the fixture sources
 * changes exactly the rows they changed, and a failing refresh changes nothing.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CovidIT {

    private static final int FIXTURE_PORT = 18089;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.builtWar();
    }

    @ArquillianResource
    URL deployment;

    private ApiClient api;
    private String user;
    private String admin;

    @BeforeEach
    void signIn() {
        api = new ApiClient(deployment);
        admin = new Accounts(api).signInTakingOver("admin", Accounts.ADMIN_PASSWORD);
        awaitRuns(runs -> runs.stream().anyMatch(r -> r.getString("source").equals("snapshot")));
        user = new Accounts(api).newSignedInUser("covid");
    }

    @Test
    void theFirstRunLoadedTheSnapshotAndLookupsAnswerItsSeries() {
        List<JsonObject> runs = runs();
        JsonObject snapshot = runs.stream().filter(r -> r.getString("source").equals("snapshot")).findFirst().orElseThrow();
        assertEquals("OK", snapshot.getString("outcome"));
        assertEquals(SnapshotLoader.daily().size(), snapshot.getInt("rowsChanged"));
        List<DailyFigure> daily = SnapshotLoader.daily();
        for (int i = 0; i < daily.size(); i += 997) {
            DailyFigure row = daily.get(i);
            if (row.newCases() == null) {
                continue;
            }
            JsonObject answer = lookup(name(row.code()),
                    DayInput.display(row.date()));
            assertEquals(row.newCases().longValue(), answer.getJsonNumber("newCases").longValue(), row::toString);
            assertEquals(DayInput.display(row.date()), answer.getString("date"));
        }
        long hanoi = daily.stream().filter(f -> f.code() == 1 && f.newCases() != null).mapToLong(DailyFigure::newCases).sum();
        JsonObject total = lookup("ha noi", null);
        assertEquals("Hà Nội", total.getString("province"));
        assertTrue(total.getJsonNumber("totalCases").longValue() == hanoi
                || "reported".equals(total.getString("basis")), total::toString);
    }

    @Test
    void lookupMistakesGetTheirOwnErrors() {
        assertError("", null, 400, "missing_province");
        assertError("Atlantis", null, 404, "unknown_province");
        assertError("Ha Noii", null, 404, "unknown_province");
        assertError("Hà Nội", "31-02-2021", 400, "invalid_date");
        assertError("Hà Nội", "<script>", 400, "invalid_date");
        assertError("Hà Nội", DayInput.display(LocalDate.now().plusDays(3)), 400, "future_date");
        assertError("Hà Nội", "01-01-2019", 404, "outside_data");
        assertEquals(401, api.get("api/covid/lookup?province=HCM").status());
        ApiClient.Reply suggestion = api.get("api/covid/lookup?province=Ha%20Noii", bearer(user));
        assertTrue(suggestion.json().getString("message").contains("Hà Nội"), suggestion::toString);
    }

    @Test
    void theSeriesAndTheProvinceListAreServed() {
        ApiClient.Reply provinces = api.get("api/covid/provinces", bearer(user));
        assertEquals(200, provinces.status(), provinces::toString);
        assertEquals(63, Json.array(provinces.body()).size());
        ApiClient.Reply series = api.get("api/covid/provinces/2/daily?from=01-08-2021&to=07-08-2021", bearer(user));
        assertEquals(200, series.status(), series::toString);
        assertEquals(7, series.json().getJsonArray("days").size());
        assertEquals(404, api.get("api/covid/provinces/99/daily", bearer(user)).status());
        assertEquals(400, api.get("api/covid/provinces/2/daily?from=yesterday", bearer(user)).status());

        ApiClient.Reply day = api.get("api/covid/days/11-07-2021", bearer(user));
        assertEquals(200, day.status(), day::toString);
        assertEquals(63, day.json().getJsonArray("provinces").size());
        assertEquals("12-07-2021", day.json().getString("countedOn"), "a folded day gives the next day's figures");
        assertEquals(1, day.json().getJsonArray("provinces").getJsonObject(0).getInt("rank"));
        ApiClient.Reply folded = api.get("api/covid/lookup?province=ha%20noi&date=11-07-2021", bearer(user));
        assertEquals("counted-next-day", folded.json().getString("basis"));
        assertEquals("12-07-2021", folded.json().getString("countedOn"));
        for (String bad : new String[] {"31-02-2021", "%3Cb%3E", "01-01-2019", "x".repeat(100)}) {
            int status = api.get("api/covid/days/" + bad, bearer(user)).status();
            assertTrue(status == 400 || status == 404, bad + " -> " + status);
        }
        assertEquals(401, api.get("api/covid/days/10-08-2021").status());

        ApiClient.Reply csv = api.get("api/covid/days/10-08-2021.csv", bearer(user));
        assertEquals(200, csv.status(), csv::toString);
        String[] lines = csv.body().split("\r\n");
        assertEquals("\uFEFFrank,code,province,new_cases,new_deaths,cases_to_date", lines[0]);
        assertEquals(64, lines.length, "a header and 63 provinces");
        ApiClient.Reply seriesCsv = api.get("api/covid/provinces/1/daily.csv?from=01-08-2021&to=07-08-2021",
                bearer(user));
        String[] seriesLines = seriesCsv.body().split("\r\n");
        assertEquals(8, seriesLines.length);
        long hanoiToDate = day(api.get("api/covid/days/07-08-2021", bearer(user)), 1);
        assertEquals("07-08-2021", seriesLines[7].split(",")[0]);
        assertEquals(hanoiToDate, Long.parseLong(seriesLines[7].split(",")[3]), "cases to date agree with the ranking");
        assertTrue(seriesCsv.header("Content-Disposition").contains("attachment"));
    }

    @Test
    void aRefreshKeepsWhatTheSourcesChangedAndAFailingOneChangesNothing() {
        long hanoi21 = snapshotCases(1, LocalDate.of(2022, 1, 21));
        try (FixtureSources fixtures = new FixtureSources(FIXTURE_PORT)) {
            JsonObject portal = refreshAndGet("portal");
            JsonObject table = latest("table");
            JsonObject bulletin = latest("bulletin");

            assertEquals("OK", portal.getString("outcome"), portal::toString);
            assertEquals(2, portal.getInt("rowsChanged"), "Hà Nội 21-01 changed, 23-01 added");
            assertEquals("OK", table.getString("outcome"), table::toString);
            assertEquals(63, table.getInt("rowsChanged"));
            assertEquals("OK", bulletin.getString("outcome"), bulletin::toString);
            assertEquals(3, bulletin.getInt("rowsChanged"), "Hà Nội 23-01 corrected, two provinces added");
            assertEquals(hanoi21 + FixtureSources.PORTAL_CHANGE, newCases("Hà Nội", "21-01-2022"));
            assertEquals(2910, newCases("Hà Nội", "23-01-2022"));
            assertEquals(1002, newCases("TP. Hồ Chí Minh", "23-01-2022"));
            JsonObject total = lookup("Hà Nội", null);
            assertEquals("reported", total.getString("basis"));
            assertEquals(fixtures.totalCases(1), total.getJsonNumber("totalCases").longValue());

            for (Mode broken : new Mode[] {Mode.HTTP_500, Mode.CHANGED, Mode.GARBAGE}) {
                fixtures.mode(broken);
                JsonObject failed = refreshAndGet("portal");
                assertEquals("FAILED", failed.getString("outcome"), failed::toString);
                assertEquals("FAILED", latest("table").getString("outcome"), broken::toString);
                assertEquals("FAILED", latest("bulletin").getString("outcome"), broken::toString);
                assertEquals(hanoi21 + FixtureSources.PORTAL_CHANGE, newCases("Hà Nội", "21-01-2022"));
                assertEquals(2910, newCases("Hà Nội", "23-01-2022"));
                assertEquals(fixtures.totalCases(1), lookup("Hà Nội", null).getJsonNumber("totalCases").longValue());
            }
        }
    }

    @Test
    void onlyAdminsSeeRunsOrRefresh() {
        assertEquals(403, api.get("api/admin/covid/runs", bearer(user)).status());
        assertEquals(403, api.post("api/admin/covid/refresh", null, bearer(user)).status());
    }

    // ---------------------------------------------------------------- helpers

    /** Asks for a refresh and waits for the portal run it makes; returns that run. */
    private JsonObject refreshAndGet(String source) {
        int before = runs().size();
        ApiClient.Reply accepted = api.post("api/admin/covid/refresh", null, bearer(admin));
        assertEquals(202, accepted.status(), accepted::toString);
        awaitRuns(runs -> runs.size() >= before + 3);
        return latest(source);
    }

    private JsonObject latest(String source) {
        return runs().stream().filter(r -> r.getString("source").equals(source)).findFirst().orElseThrow();
    }

    private List<JsonObject> runs() {
        ApiClient.Reply reply = api.get("api/admin/covid/runs", bearer(admin));
        assertEquals(200, reply.status(), reply::toString);
        return Json.array(reply.body()).getValuesAs(JsonValue::asJsonObject);
    }

    private void awaitRuns(Predicate<List<JsonObject>> done) {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            if (done.test(runs())) {
                return;
            }
            sleep(250);
        }
        throw new AssertionError("The refresh did not finish; runs: " + runs());
    }

    private JsonObject lookup(String province, String date) {
        ApiClient.Reply reply = api.get(lookupPath(province, date), bearer(user));
        assertEquals(200, reply.status(), () -> province + " " + date + " -> " + reply);
        return reply.json();
    }

    private long newCases(String province, String date) {
        return lookup(province, date).getJsonNumber("newCases").longValue();
    }

    /** A province's cases to date in a day's ranking. */
    private static long day(ApiClient.Reply ranking, int code) {
        return ranking.json().getJsonArray("provinces").getValuesAs(jakarta.json.JsonObject.class).stream()
                .filter(p -> p.getInt("code") == code).findFirst().orElseThrow()
                .getJsonNumber("totalToDate").longValue();
    }

    private void assertError(String province, String date, int status, String code) {
        ApiClient.Reply reply = api.get(lookupPath(province, date), bearer(user));
        assertEquals(status, reply.status(), () -> province + " " + date + " -> " + reply);
        assertEquals(code, reply.error());
    }

    private static String lookupPath(String province, String date) {
        return "api/covid/lookup?province=" + URLEncoder.encode(province, StandardCharsets.UTF_8)
                + (date == null ? "" : "&date=" + URLEncoder.encode(date, StandardCharsets.UTF_8));
    }

    private static String name(int code) {
        return SnapshotLoader.provinces().stream().filter(p -> p.code() == code).findFirst().orElseThrow().name();
    }

    private static long snapshotCases(int code, LocalDate day) {
        return SnapshotLoader.daily().stream().filter(f -> f.code() == code && f.date().equals(day))
                .findFirst().orElseThrow().newCases();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Parses a JSON array body. */
    private static final class Json {
        static jakarta.json.JsonArray array(String body) {
            return jakarta.json.Json.createReader(new java.io.StringReader(body)).readArray();
        }
    }

}
