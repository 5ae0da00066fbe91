package vn.mydrive.covid.source;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import vn.mydrive.covid.CovidSource;
import vn.mydrive.covid.DailyFigure;
import vn.mydrive.covid.DayInput;
import vn.mydrive.covid.Province;
import vn.mydrive.covid.ProvinceDirectory;
import vn.mydrive.covid.SourceData;
import vn.mydrive.covid.SourceException;
import vn.mydrive.platform.json.JsonProviders;

/**
 * The national COVID portal's API, one JSON object per province ({@code <base>/<code>}):
 * {@code {"id": 2, "case_by_day": {"15/12/2021": 1234, ...}, "death_by_day": {...}}}. Fetched with jsoup
 * (ignoring the declared content type) and read with JSON-P. Gives every province's daily series.
 */
public final class PortalApiSource implements CovidSource {

    private final String baseUrl;
    private final PageFetcher fetcher;

    public PortalApiSource(String baseUrl, Duration timeout) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl : baseUrl + "/";
        this.fetcher = new PageFetcher(timeout);
    }

    @Override
    public String name() {
        return "portal";
    }

    @Override
    public SourceData fetch(ProvinceDirectory provinces) throws SourceException {
        List<DailyFigure> daily = new ArrayList<>();
        for (Province province : provinces.all()) {
            String url = baseUrl + province.code();
            daily.addAll(parse(fetcher.text(url), province.code(), url));
        }
        return new SourceData(daily, List.of());
    }

    static List<DailyFigure> parse(String body, int code, String url) throws SourceException {
        JsonObject json;
        try (JsonReader reader = JsonProviders.JSON.createReader(new StringReader(body))) {
            json = reader.readObject();
        } catch (RuntimeException e) {
            throw new SourceException("Not a JSON object from " + url, e);
        }
        if (!json.containsKey("id") || json.get("id").getValueType() != JsonValue.ValueType.NUMBER
                || json.getInt("id") != code) {
            throw new SourceException("The answer from " + url + " is not about province " + code);
        }
        Map<LocalDate, long[]> days = new TreeMap<>();
        read(json, "case_by_day", 0, days, url);
        read(json, "death_by_day", 1, days, url);
        List<DailyFigure> figures = new ArrayList<>();
        for (Map.Entry<LocalDate, long[]> day : days.entrySet()) {
            long[] v = day.getValue();
            figures.add(new DailyFigure(code, day.getKey(), v[0] < 0 ? null : v[0], v[1] < 0 ? null : v[1]));
        }
        return figures;
    }

    private static void read(JsonObject json, String field, int slot, Map<LocalDate, long[]> days, String url)
            throws SourceException {
        JsonValue value = json.get(field);
        if (value == null || value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new SourceException("No \"" + field + "\" object in " + url + " (has the API changed?)");
        }
        for (Map.Entry<String, JsonValue> entry : value.asJsonObject().entrySet()) {
            LocalDate day = DayInput.parse(entry.getKey())
                    .orElseThrow(() -> new SourceException("Not a day: \"" + entry.getKey() + "\" in " + url));
            if (entry.getValue().getValueType() != JsonValue.ValueType.NUMBER
                    || !((JsonNumber) entry.getValue()).isIntegral() || ((JsonNumber) entry.getValue()).longValue() < 0) {
                throw new SourceException("Not a count for " + entry.getKey() + " in " + url);
            }
            days.computeIfAbsent(day, d -> new long[] {-1, -1})[slot] = ((JsonNumber) entry.getValue()).longValue();
        }
    }
}
