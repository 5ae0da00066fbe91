package vn.mydrive.covid.web;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.io.Serializable;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import vn.mydrive.covid.CovidData;
import vn.mydrive.covid.CovidDataset;
import vn.mydrive.covid.CovidLookup;
import vn.mydrive.covid.CovidRepository;
import vn.mydrive.covid.DayInput;
import vn.mydrive.covid.LookupAnswer;
import vn.mydrive.covid.RefreshRun;
import vn.mydrive.platform.faces.Messages;
import vn.mydrive.platform.time.VietnamTime;
import vn.mydrive.platform.web.ApiException;
import vn.mydrive.platform.web.ClientAddresses;

/**
 * The lookup page: a province (with autocompletion) and an optional day, the answer in plain words, and a
 * chart of the province's daily new cases over a chosen period.
 */
@Named
@ViewScoped
public class CovidPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    transient CovidLookup lookup;

    @Inject
    transient CovidData data;

    @Inject
    transient ClientAddresses clientAddresses;

    @Inject
    transient CovidRepository runs;

    private String province;
    /** The day as typed (or put there by the calendar): read by the same rules as the API's, never rolled over. */
    private String day;
    private String answer;
    private int chartCode = -1;
    private String chartProvince;
    /**
     * The period drawn, set with the place (so present whenever a chart is shown) and changed only by a period whose
     * two days pass a lookup's checks, in order.
     */
    private LocalDate chartFrom;
    private LocalDate chartTo;
    /** The period's days as typed (or put there by the calendars), read when the chart is asked for. */
    private String fromText;
    private String toText;
    /** Up to three more places drawn beside the one looked up. */
    private List<String> compare = new ArrayList<>();
    private String measure = "new";
    /** The period as the page's address gave it (dd-mm-yyyy), applied once the lookup it belongs to is done. */
    private String fromParam;
    private String toParam;

    /** Places one chart compares, the one looked up included. */
    static final int MOST_PLACES = 4;

    /** Arriving with a view in the address (?p=…&d=…&from=…&to=…&cmp=…&m=…): shows it, as shared. */
    public void arrive() {
        if (province == null || province.isBlank() || FacesContext.getCurrentInstance().isPostback()) {
            return;
        }
        lookUp();
        if (fromParam != null && toParam != null) {
            fromText = fromParam;
            toText = toParam;
            showChart();
        }
    }

    /**
     * This view's address under the page (province, day, period, places compared, measure), which the page puts in
     * the browser's address bar so that it can be bookmarked or sent.
     */
    public String getShareableQuery() {
        if (!isChartShown()) {
            return "";
        }
        StringBuilder query = new StringBuilder("p=").append(encode(province));
        if (day != null && !day.isBlank()) {
            query.append("&d=").append(encode(day.strip()));
        }
        query.append("&from=").append(DayInput.display(chartFrom))
                .append("&to=").append(DayInput.display(chartTo));
        if (!compare.isEmpty()) {
            query.append("&cmp=").append(encode(String.join(",", compare)));
        }
        if (!"new".equals(measure)) {
            query.append("&m=").append(encode(measure));
        }
        return query.toString();
    }

    private static String encode(String value) {
        return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
    }

    public List<String> complete(String typed) {
        return data.current().provinces().complete(typed == null ? "" : typed, 10);
    }

    /** A province picked in the day's ranking: its own total and chart, as if typed. */
    public void showProvince(String name) {
        province = name;
        day = null;
        lookUp();
    }

    public void lookUp() {
        answer = null;
        try {
            LookupAnswer found = lookup.lookup(province, day,
                    FacesContext.getCurrentInstance().getExternalContext().getUserPrincipal().getName(),
                    clientAddresses.of((HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext().getRequest()));
            NumberFormat numbers = NumberFormat.getIntegerInstance(locale());
            if (found.date() == null) {
                answer = Messages.text("covid.answer.total", "Total cases: {1}", found.province(),
                        numbers.format(found.totalCases()));
            } else if (found.countedOn() != null) {
                answer = Messages.text("covid.answer.countedNextDay", "Counted on {2}: {3}", found.province(),
                        DayInput.display(found.date()), DayInput.display(found.countedOn()),
                        numbers.format(found.newCases()));
            } else {
                answer = Messages.text("covid.answer.day", "New cases ({1}): {2}", found.province(),
                        DayInput.display(found.date()), numbers.format(found.newCases()),
                        found.newDeaths() == null ? "—" : numbers.format(found.newDeaths()));
            }
            showChart(found);
        } catch (ApiException e) {
            Messages.error(e);
        }
    }

    private void showChart(LookupAnswer found) {
        chartCode = found.code();
        chartProvince = found.province();
        CovidDataset dataset = data.current();
        LocalDate last = found.date() != null ? found.date().plusDays(30) : dataset.lastDay().orElse(VietnamTime.today());
        period(found.date() != null ? found.date().minusDays(30) : last.minusDays(90), last);
    }

    private void period(LocalDate from, LocalDate to) {
        chartFrom = from;
        chartTo = to;
        fromText = DayInput.display(from);
        toText = DayInput.display(to);
    }

    /**
     * The chart for the period typed: both days read as a lookup's day is (a real day, within the figures; 31-02-2021
     * is an error, not 03-03-2021), the first not after the last. Otherwise the error is shown and the chart stays.
     */
    public void showChart() {
        try {
            LocalDate from = lookup.day(fromText);
            LocalDate to = lookup.day(toText);
            if (from.isAfter(to)) {
                Messages.error("covid.chart.order", DayInput.display(from), DayInput.display(to));
                return;
            }
            period(from, to);
        } catch (ApiException e) {
            Messages.error(e);
        }
    }

    public boolean isChartShown() {
        return chartCode >= 0;
    }

    /** The chart as a Chart.js configuration. */
    public String getChartModel() {
        if (!isChartShown()) {
            return "{}";
        }
        return CovidChart.config(data.current(), places(), chartFrom, chartTo, CovidChart.Measure.parse(measure));
    }

    /** The place looked up, then the ones to compare that name a province (others are left out, and said so). */
    private List<CovidChart.Place> places() {
        CovidDataset dataset = data.current();
        List<CovidChart.Place> places = new ArrayList<>();
        places.add(new CovidChart.Place(chartCode, chartProvince));
        for (String name : compare) {
            if (places.size() == MOST_PLACES) {
                break;
            }
            if (vn.mydrive.covid.ProvinceDirectory.isWholeCountry(name)) {
                places.add(new CovidChart.Place(vn.mydrive.covid.Province.WHOLE_COUNTRY,
                        vn.mydrive.covid.Province.WHOLE_COUNTRY_NAME));
            } else {
                dataset.provinces().find(name).filter(p -> p.code() != chartCode)
                        .ifPresent(p -> places.add(new CovidChart.Place(p.code(), p.name())));
            }
        }
        return places;
    }

    public List<String> getCompare() {
        return compare;
    }

    /** Places to compare, from the chips field or the address ("Hà Nội,Đà Nẵng"): at most three, blanks dropped. */
    public void setCompare(List<String> compare) {
        this.compare = new ArrayList<>(compare == null ? List.of() : compare.stream()
                .filter(name -> name != null && !name.isBlank() && name.length() <= 100).map(String::strip)
                .distinct().limit(MOST_PLACES - 1).toList());
    }

    /** The address's {@code cmp}: names separated by commas. */
    public String getCompareParam() {
        return String.join(",", compare);
    }

    public void setCompareParam(String names) {
        setCompare(names == null ? List.of() : List.of(names.split(",")));
    }

    public String getMeasure() {
        return measure;
    }

    public void setMeasure(String measure) {
        this.measure = CovidChart.Measure.parse(measure).name().toLowerCase(Locale.ROOT);
    }

    public String getFromParam() {
        return fromParam;
    }

    public void setFromParam(String fromParam) {
        this.fromParam = fromParam;
    }

    public String getToParam() {
        return toParam;
    }

    public void setToParam(String toParam) {
        this.toParam = toParam;
    }

    /** The days marked on the chart, in words: which day, and what the source did with it. */
    public List<String> getChartNotes() {
        if (!isChartShown()) {
            return List.of();
        }
        CovidDataset dataset = data.current();
        java.util.TreeMap<LocalDate, String> notes = new java.util.TreeMap<>();
        dataset.backloggedDays(chartCode).stream().filter(d -> !d.isBefore(chartFrom) && !d.isAfter(chartTo))
                .forEach(d -> notes.put(d, Messages.text("covid.chart.backlog", "{0}: a backlog entered on one day",
                        DayInput.display(d))));
        dataset.foldedDays().stream().filter(d -> !d.isBefore(chartFrom) && !d.isAfter(chartTo))
                .forEach(d -> notes.put(d, Messages.text("covid.chart.folded", "{0}: counted on the next day",
                        DayInput.display(d))));
        return List.copyOf(notes.values());
    }

    /**
     * The chart's figures as CSV: the API's path under the application's root, to which the page adds its context
     * path (the page is under app/, so the path alone would lead to app/api/..., which is no address).
     */
    public String getSeriesCsv() {
        return "api/covid/provinces/" + chartCode + "/daily.csv?from=" + DayInput.display(chartFrom) + "&to="
                + DayInput.display(chartTo);
    }

    /**
     * What the figures cover and where they come from, in words: "Figures from 18-03-2020 to 21-01-2022, from the
     * national COVID-19 portal (copy bundled with MyDrive), updated 02-12-2026 04:09."
     */
    public String getFreshness() {
        CovidDataset dataset = data.current();
        CovidDataset.Freshness freshness = dataset.freshness();
        if (freshness.at() == null || dataset.lastDay().isEmpty()) {
            return Messages.text("covid.freshness.none", "The data is being loaded.");
        }
        String source = Messages.text("covid.source." + freshness.source(), freshness.source());
        String covered = Messages.text("covid.freshness", "Figures from {0} to {1}, from {2}, updated {3}.",
                DayInput.display(dataset.firstDay().get()), DayInput.display(dataset.lastDay().get()),
                source, VietnamTime.stamp(freshness.at()));
        List<RefreshRun> last = runs.recentRuns(1);
        if (last.isEmpty()) {
            return covered;
        }
        RefreshRun run = last.get(0);
        return covered + " " + Messages.text(run.outcome() == RefreshRun.Outcome.FAILED
                        ? "covid.freshness.lastFailed" : "covid.freshness.lastWorked", "",
                VietnamTime.stamp(run.endedAt()), Messages.text("covid.source." + run.source(), run.source()));
    }

    /** The first day with figures, ISO (the calendar's lower bound). */
    public String getFirstDay() {
        return data.current().firstDay().map(LocalDate::toString).orElse("");
    }

    /** The last day with figures, ISO: the calendar opens there and goes no further. */
    public String getLastDay() {
        return data.current().lastDay().map(LocalDate::toString).orElse(VietnamTime.today().toString());
    }

    private static Locale locale() {
        return FacesContext.getCurrentInstance().getViewRoot().getLocale();
    }

    public String getProvince() {
        return province;
    }

    public void setProvince(String province) {
        this.province = province;
    }

    public String getDay() {
        return day;
    }

    public void setDay(String day) {
        this.day = day;
    }

    public String getAnswer() {
        return answer;
    }

    public String getChartFrom() {
        return fromText;
    }

    public void setChartFrom(String typed) {
        this.fromText = typed;
    }

    public String getChartTo() {
        return toText;
    }

    public void setChartTo(String typed) {
        this.toText = typed;
    }

    /** The period's first day drawn, ISO: where its calendar opens. */
    public String getChartFromIso() {
        return chartFrom == null ? "" : chartFrom.toString();
    }

    /** The period's last day drawn, ISO: where its calendar opens. */
    public String getChartToIso() {
        return chartTo == null ? "" : chartTo.toString();
    }
}
