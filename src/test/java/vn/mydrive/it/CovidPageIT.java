package vn.mydrive.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import vn.mydrive.testkit.Accounts;
import vn.mydrive.testkit.ApiClient;
import vn.mydrive.testkit.Browser;

/**
 * The lookup page in a real browser: a name typed without diacritics, then with a day, then an unknown one; and the
 * CSV downloads of the day's ranking and of a period's series, as a person saves them, against the API's figures.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CovidPageIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.builtWar();
    }

    @ArquillianResource
    URL deployment;

    private Browser browser;

    @BeforeEach
    void openBrowser() {
        browser = new Browser();
    }

    @AfterEach
    void closeBrowser() {
        browser.close();
    }

    @Test
    void lookUpByNameByDayAndAnUnknownName() {
        try {
            lookups();
        } catch (AssertionError | RuntimeException e) {
            browser.saveEvidence("covid-page");
            throw e;
        }
    }

    private void lookups() {
        String name = new Accounts(new ApiClient(deployment)).register(Accounts.uniqueName("lookup"));
        String base = ApiClient.loopback(deployment);
        browser.open(base + "login.xhtml");
        browser.type(By.id("signIn:username"), name);
        browser.type(By.id("signIn:password"), Accounts.PASSWORD);
        browser.visible(By.id("signIn:submit")).click();
        browser.waitForUrl("app/drive.xhtml");
        browser.visible(By.id("navCovid")).click();
        browser.waitForUrl("app/covid.xhtml");
        NumberFormat english = NumberFormat.getIntegerInstance(Locale.ENGLISH);

        // The figures the lookup service gives (CovidIT checks those against the bundled series; other
        // tests' refreshes may have changed them since), asked by another user so the browser keeps its session.
        String asker = new Accounts(new ApiClient(deployment)).newSignedInUser("asker");
        long total = serviceAnswer(asker, "api/covid/lookup?province=da%20nang").getJsonNumber("totalCases").longValue();
        lookUp("da nang", "");
        browser.waitForText(By.id("lookup:answer"), "Đà Nẵng: total cases " + english.format(total));
        assertTrue(browser.visible(By.id("lookup:chart")).isDisplayed());
        // Which source refreshed last depends on the tests before this one; the page names it.
        String freshness = browser.visible(By.id("freshness")).getText();
        assertTrue(freshness.matches("Figures from 18-03-2020 to \\d{2}-\\d{2}-\\d{4}, from .+, updated .+\\."),
                freshness);

        long onDay = serviceAnswer(asker, "api/covid/lookup?province=da%20nang&date=10-08-2021")
                .getJsonNumber("newCases").longValue();
        lookUp("da nang", "10-08-2021");
        browser.waitForText(By.id("lookup:answer"), "Đà Nẵng: new cases (10-08-2021) " + english.format(onDay));

        lookUp("Atlantis", "");
        browser.waitForText(By.id("lookup:messages"), "No province or city has that name");

        // Days as people write them: checked, never rolled over; two-digit years read as this century's.
        lookUp("da nang", "31-02-2021");
        browser.waitForText(By.id("lookup:messages"), "Write a real day");
        assertTrue(browser.driver().findElements(By.id("lookup:answer")).isEmpty(), "no answer for a day that is none");
        lookUp("da nang", "10-08-21");
        browser.waitForText(By.id("lookup:answer"), "Đà Nẵng: new cases (10-08-2021) " + english.format(onDay));
        lookUp("da nang", "01-01-2099");
        browser.waitForText(By.id("lookup:messages"), "That day has not come yet. The figures cover 18-03-2020 to");
        lookUp("Hà Nội", "11-07-2021");
        browser.waitForText(By.id("lookup:answer"), "its cases were counted on 12-07-2021");

        // The calendar is bounded by the figures, opens on their last day, and writes the day picked into the box.
        org.openqa.selenium.WebElement picker = browser.driver().findElement(By.id("dayPicker"));
        assertEquals("2020-03-18", picker.getAttribute("min"));
        assertEquals(picker.getAttribute("max"), picker.getAttribute("value"));
        ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript(
                "arguments[0].value = '2021-08-10'; arguments[0].dispatchEvent(new Event('change'));", picker);
        assertEquals("10-08-2021", browser.driver().findElement(By.id("lookup:day")).getAttribute("value"));

        // A period with a backlog shows it marked and explained, and its figures download as CSV.
        lookUp("Cà Mau", "25-10-2021");
        browser.waitForText(By.id("chartNotes"), "25-10-2021: a backlog of earlier cases");
        browser.visible(By.id("seriesCsv"));

        // The chart's period is read as the lookup's day: an impossible day, or a period ending before it begins,
        // is an error in words, and the chart drawn stays; days typed (two-digit years too) or picked are drawn.
        assertEquals("25-09-2021", browser.visible(By.id("lookup:from")).getAttribute("value"));
        browser.type(By.id("lookup:from"), "31-02-2021");
        browser.visible(By.id("lookup:showChart")).click();
        browser.waitForText(By.id("lookup:messages"), "Write a real day");
        browser.waitForText(By.id("chartNotes"), "25-10-2021: a backlog of earlier cases");
        browser.type(By.id("lookup:from"), "01-11-2021");
        browser.type(By.id("lookup:to"), "01-10-2021");
        browser.visible(By.id("lookup:showChart")).click();
        browser.waitForText(By.id("lookup:messages"), "The period's first day (01-11-2021) comes after its last (01-10-2021)");
        browser.type(By.id("lookup:from"), "01-10-21");
        org.openqa.selenium.WebElement toPicker = browser.driver().findElement(By.id("toPicker"));
        assertEquals("2021-11-24", toPicker.getAttribute("value"), "the calendar opens on the period's last day drawn");
        ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript(
                "arguments[0].value = '2021-10-31'; arguments[0].dispatchEvent(new Event('change'));", toPicker);
        assertEquals("31-10-2021", browser.driver().findElement(By.id("lookup:to")).getAttribute("value"));
        browser.visible(By.id("lookup:showChart")).click();
        browser.waitUntil(d -> String.valueOf(((org.openqa.selenium.JavascriptExecutor) d).executeScript(
                "return window.location.search")).contains("from=01-10-2021&to=31-10-2021"));
        browser.waitForText(By.id("chartNotes"), "25-10-2021: a backlog of earlier cases");

        // A view is kept in the address: opened from it, the same places, period and measure are shown.
        browser.open(base + "app/covid.xhtml?p=C%C3%A0%20Mau&from=01-10-2021&to=31-10-2021"
                + "&cmp=Ki%C3%AAn%20Giang,Atlantis,H%C3%A0%20N%E1%BB%99i&m=cumulative");
        browser.waitForText(By.id("lookup:answer"), "Cà Mau: total cases");
        browser.waitUntil(d -> String.valueOf(((org.openqa.selenium.JavascriptExecutor) d).executeScript(
                "return window.location.search")).contains("m=cumulative"));
        Object labels = ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript(
                "return PrimeFaces.widgets['widget_lookup_chart'].chart.data.datasets.map(d => d.label).join('|')");
        assertEquals("Cases to date: Cà Mau|Reporting quirk (see below)|Cases to date: Kiên Giang|Cases to date: Hà Nội",
                labels, "the places that exist, compared; an unknown one left out");
        browser.screenshot("covid-compare-desktop");

        // The day's ranking opens on the last day; a folded day says whose figures it shows; a province opens.
        assertEquals(63, browser.driver().findElements(By.cssSelector("[id='ranking:provinces'] .ranking-province")).size());
        browser.type(By.id("ranking:rankingDay"), "19-07-21");
        browser.visible(By.id("ranking:showDay")).click();
        browser.waitForText(By.id("nationalFigures"), "19-07-2021");
        browser.waitForText(By.id("nationalFigures"), "20-07-2021");
        ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript(
                "document.getElementById('ranking').scrollIntoView()");
        browser.screenshot("covid-day-desktop");
        browser.visible(By.xpath("//a[contains(@class,'ranking-province') and text()='Cần Thơ']")).click();
        browser.waitForText(By.id("lookup:answer"), "Cần Thơ: total cases");

        // The same rules speak the page's language.
        browser.visible(By.id("topbar:langVi")).click();
        browser.waitForText(By.id("lookup:lookUp"), "Tra cứu");
        lookUp("da nang", "01-01-2099");
        browser.waitForText(By.id("lookup:messages"), "Ngày này chưa tới. Số liệu có từ 18-03-2020 đến");
        browser.screenshot("lookup-errors-vi-desktop");
    }

    @Test
    void theCsvDownloadsHoldTheFiguresTheApiGives() {
        try {
            csvDownloads();
        } catch (AssertionError | RuntimeException e) {
            browser.saveEvidence("covid-csv");
            throw e;
        }
    }

    private void csvDownloads() {
        String base = ApiClient.loopback(deployment);
        browser.signIn(base, new Accounts(new ApiClient(deployment)).register(Accounts.uniqueName("csv")), Accounts.PASSWORD);
        String asker = new Accounts(new ApiClient(deployment)).newSignedInUser("asker");

        // The day's ranking: the API's lines, in the table's order, one CSV row each.
        JsonObject day = serviceAnswer(asker, "api/covid/days/10-08-2021");
        browser.open(base + "app/covid.xhtml");
        browser.type(By.id("ranking:rankingDay"), "10-08-2021");
        browser.visible(By.id("ranking:showDay")).click();
        browser.waitForText(By.id("nationalFigures"), "10-08-2021");
        List<String> dayCsv = download(By.id("dayCsv"), base + "api/covid/days/10-08-2021.csv", "covid-10-08-2021.csv");
        assertEquals("rank,code,province,new_cases,new_deaths,cases_to_date", dayCsv.get(0));
        List<String> ranked = day.getJsonArray("provinces").getValuesAs(JsonObject.class).stream()
                .map(line -> String.join(",", number(line, "rank"), number(line, "code"), line.getString("province"),
                        number(line, "newCases"), number(line, "newDeaths"), number(line, "totalToDate")))
                .toList();
        assertEquals(63, ranked.size());
        assertEquals(ranked, dayCsv.subList(1, dayCsv.size()));
        assertEquals(browser.driver().findElements(By.cssSelector("[id='ranking:provinces'] .ranking-province")).stream()
                .map(org.openqa.selenium.WebElement::getText).toList(),
                dayCsv.stream().skip(1).map(row -> row.split(",")[2]).toList(), "the rows in the table's order");

        // A period's series: each day's figures, and the cases to date running on from the day before the period.
        String code = provinceCode(asker, "Cà Mau");
        JsonObject series = serviceAnswer(asker, "api/covid/provinces/" + code + "/daily?from=01-10-2021&to=31-10-2021");
        long toDate = serviceAnswer(asker, "api/covid/days/30-09-2021").getJsonArray("provinces")
                .getValuesAs(JsonObject.class).stream().filter(line -> number(line, "code").equals(code)).findFirst()
                .orElseThrow().getJsonNumber("totalToDate").longValue();
        List<String> expected = new ArrayList<>();
        for (JsonObject d : series.getJsonArray("days").getValuesAs(JsonObject.class)) {
            toDate += d.containsKey("newCases") && !d.isNull("newCases") ? d.getJsonNumber("newCases").longValue() : 0;
            expected.add(String.join(",", d.getString("date"), number(d, "newCases"), number(d, "newDeaths"),
                    String.valueOf(toDate)));
        }
        assertEquals(31, expected.size());
        browser.open(base + "app/covid.xhtml?p=C%C3%A0%20Mau&from=01-10-2021&to=31-10-2021");
        browser.waitForText(By.id("lookup:answer"), "Cà Mau: total cases");
        List<String> seriesCsv = download(By.id("seriesCsv"),
                base + "api/covid/provinces/" + code + "/daily.csv?from=01-10-2021&to=31-10-2021", "Cà Mau.csv");
        assertEquals("date,new_cases,new_deaths,cases_to_date", seriesCsv.get(0));
        assertEquals(expected, seriesCsv.subList(1, seriesCsv.size()));
        String lastDayTotal = serviceAnswer(asker, "api/covid/days/31-10-2021").getJsonArray("provinces")
                .getValuesAs(JsonObject.class).stream().filter(line -> number(line, "code").equals(code))
                .map(line -> number(line, "totalToDate")).findFirst().orElseThrow();
        assertTrue(seriesCsv.get(seriesCsv.size() - 1).endsWith("," + lastDayTotal),
                "the last day's cases to date are the ranking's total to date for that day: " + lastDayTotal);
    }

    /**
     * Clicks the link to {@code href} (the API, under the application's address) and reads the file saved as
     * {@code fileName}: UTF-8 after a byte order mark (without it Excel reads "Cà Mau" as "CÃ  Mau"), CRLF lines.
     */
    private List<String> download(By link, String href, String fileName) {
        assertEquals(href, browser.visible(link).getAttribute("href"), "the link leads to the API");
        browser.visible(link).click();
        Path file = browser.awaitDownload(fileName);
        try {
            byte[] bytes = Files.readAllBytes(file);
            assertTrue(bytes.length > 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB
                    && (bytes[2] & 0xff) == 0xBF, fileName + " starts with a UTF-8 byte order mark");
            String text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
            assertTrue(text.endsWith("\r\n") && text.replace("\r\n", "").indexOf('\n') < 0, "CRLF line ends");
            return Arrays.asList(text.substring(0, text.length() - 2).split("\r\n", -1));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A number of the API's answer as the CSV writes it; a missing figure is an empty field. */
    private static String number(JsonObject object, String name) {
        return object.containsKey(name) && !object.isNull(name) ? object.getJsonNumber(name).toString() : "";
    }

    private String provinceCode(String token, String name) {
        ApiClient.Reply reply = new ApiClient(deployment).get("api/covid/provinces", Accounts.bearer(token));
        assertEquals(200, reply.status(), reply::toString);
        return Json.createReader(new StringReader(reply.body())).readArray().getValuesAs(JsonObject.class).stream()
                .filter(p -> p.getString("name").equals(name)).map(p -> number(p, "code")).findFirst().orElseThrow();
    }

    private JsonObject serviceAnswer(String token, String path) {
        // The bundled data is loaded by the first refresh, a moment after start-up.
        for (int attempt = 0; ; attempt++) {
            ApiClient.Reply reply = new ApiClient(deployment).get(path, Accounts.bearer(token));
            if (reply.status() == 200 || attempt == 60) {
                assertEquals(200, reply.status(), reply::toString);
                return reply.json();
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private void lookUp(String province, String day) {
        browser.type(By.id("lookup:province_input"), province);
        browser.driver().findElement(By.id("lookup:province_input")).sendKeys(Keys.ESCAPE);
        browser.type(By.id("lookup:day"), day);
        browser.visible(By.id("lookup:lookUp")).click();
    }
}
