package vn.mydrive.covid.web;

import vn.mydrive.platform.json.JsonProviders;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.JsonArrayBuilder;
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
    private LocalDate day;
    private String answer;
    private int chartCode = -1;
    private String chartProvince;
    private LocalDate chartFrom;
    private LocalDate chartTo;

    public List<String> complete(String typed) {
        return data.current().provinces().complete(typed == null ? "" : typed, 10);
    }

    public void lookUp() {
        answer = null;
        try {
            LookupAnswer found = lookup.lookup(province, day == null ? null : DayInput.DISPLAY.format(day),
                    FacesContext.getCurrentInstance().getExternalContext().getUserPrincipal().getName(),
                    clientAddresses.of((HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext().getRequest()));
            NumberFormat numbers = NumberFormat.getIntegerInstance(locale());
            answer = found.date() == null
                    ? Messages.text("covid.answer.total", "Total cases: {1}", found.province(),
                            numbers.format(found.totalCases()))
                    : Messages.text("covid.answer.day", "New cases ({1}): {2}", found.province(),
                            DayInput.DISPLAY.format(found.date()), numbers.format(found.newCases()));
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
        JsonArrayBuilder labels = JsonProviders.JSON.createArrayBuilder();
        JsonArrayBuilder values = JsonProviders.JSON.createArrayBuilder();
        for (DailyFigure figure : data.current().series(chartCode, chartFrom, chartTo)) {
            labels.add(DayInput.DISPLAY.format(figure.date()));
            values.add(figure.newCases() == null ? 0 : figure.newCases());
        }
        return JsonProviders.JSON.createObjectBuilder()
                .add("type", "line")
                .add("data", JsonProviders.JSON.createObjectBuilder()
                        .add("labels", labels)
                        .add("datasets", JsonProviders.JSON.createArrayBuilder().add(JsonProviders.JSON.createObjectBuilder()
                                .add("label", Messages.text("covid.chart.label", "New cases") + ": " + chartProvince)
                                .add("data", values)
                                .add("borderColor", "#1a73e8")
                                .add("backgroundColor", "rgba(26,115,232,0.15)")
                                .add("fill", true)
                                .add("pointRadius", 0)
                                .add("tension", 0.2))))
                .add("options", JsonProviders.JSON.createObjectBuilder()
                        .add("animation", false)
                        .add("plugins", JsonProviders.JSON.createObjectBuilder().add("legend",
                                JsonProviders.JSON.createObjectBuilder().add("display", true))))
                .build().toString();
    }

    /** "last refreshed 22-11-2026 09:00 from portal", or that only the bundled data is available. */
    public String getFreshness() {
        CovidDataset.Freshness freshness = data.current().freshness();
        if (freshness.at() == null) {
            return Messages.text("covid.freshness.none", "The data is being loaded.");
        }
        return Messages.text("covid.freshness", "Data last refreshed {0} from {1}.",
                VietnamTime.stamp(freshness.at()), freshness.source());
    }

    public LocalDate getToday() {
        return VietnamTime.today();
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

    public LocalDate getDay() {
        return day;
    }

    public void setDay(LocalDate day) {
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
