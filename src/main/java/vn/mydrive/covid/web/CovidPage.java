package vn.mydrive.covid.web;

import vn.mydrive.platform.json.JsonProviders;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.io.Serializable;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import vn.mydrive.covid.CovidData;
import vn.mydrive.covid.CovidDataset;
import vn.mydrive.covid.CovidLookup;
import vn.mydrive.covid.DailyFigure;
import vn.mydrive.covid.DayInput;
import vn.mydrive.covid.LookupAnswer;
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

    private String province;
    /** The day as typed (or put there by the calendar): read by the same rules as the API's, never rolled over. */
    private String day;
    private String answer;
    private int chartCode = -1;
    private String chartProvince;
    private LocalDate chartFrom;
    private LocalDate chartTo;

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
                        DayInput.DISPLAY.format(found.date()), DayInput.DISPLAY.format(found.countedOn()),
                        numbers.format(found.newCases()));
            } else {
                answer = Messages.text("covid.answer.day", "New cases ({1}): {2}", found.province(),
                        DayInput.DISPLAY.format(found.date()), numbers.format(found.newCases()),
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
        chartTo = last;
        chartFrom = found.date() != null ? found.date().minusDays(30) : last.minusDays(90);
    }

    public boolean isChartShown() {
        return chartCode >= 0;
    }

    /** The chart as a Chart.js configuration. */
    public String getChartModel() {
        if (!isChartShown() || chartFrom == null || chartTo == null || chartFrom.isAfter(chartTo)) {
            return "{}";
        }
        return CovidChart.config(data.current(), chartCode, chartProvince, chartFrom, chartTo);
    }

    /** The days marked on the chart, in words: which day, and what the source did with it. */
    public List<String> getChartNotes() {
        if (!isChartShown() || chartFrom == null || chartTo == null || chartFrom.isAfter(chartTo)) {
            return List.of();
        }
        CovidDataset dataset = data.current();
        java.util.TreeMap<LocalDate, String> notes = new java.util.TreeMap<>();
        dataset.backloggedDays(chartCode).stream().filter(d -> !d.isBefore(chartFrom) && !d.isAfter(chartTo))
                .forEach(d -> notes.put(d, Messages.text("covid.chart.backlog", "{0}: a backlog entered on one day",
                        DayInput.DISPLAY.format(d))));
        dataset.foldedDays().stream().filter(d -> !d.isBefore(chartFrom) && !d.isAfter(chartTo))
                .forEach(d -> notes.put(d, Messages.text("covid.chart.folded", "{0}: counted on the next day",
                        DayInput.DISPLAY.format(d))));
        return List.copyOf(notes.values());
    }

    /** The chart's figures as CSV, under the application's address. */
    public String getSeriesCsv() {
        return "api/covid/provinces/" + chartCode + "/daily.csv?from=" + DayInput.DISPLAY.format(chartFrom) + "&to="
                + DayInput.DISPLAY.format(chartTo);
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
        return Messages.text("covid.freshness", "Figures from {0} to {1}, from {2}, updated {3}.",
                DayInput.DISPLAY.format(dataset.firstDay().get()), DayInput.DISPLAY.format(dataset.lastDay().get()),
                source, VietnamTime.stamp(freshness.at()));
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

    public LocalDate getChartFrom() {
        return chartFrom;
    }

    public void setChartFrom(LocalDate chartFrom) {
        this.chartFrom = chartFrom;
    }

    public LocalDate getChartTo() {
        return chartTo;
    }

    public void setChartTo(LocalDate chartTo) {
        this.chartTo = chartTo;
    }
}
