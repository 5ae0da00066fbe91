package vn.mydrive.covid.web;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import vn.mydrive.covid.CovidDataset;
import vn.mydrive.covid.DailyFigure;
import vn.mydrive.covid.DayInput;
import vn.mydrive.platform.faces.Messages;
import vn.mydrive.platform.json.JsonProviders;

/**
 * A province's (or the country's) new cases over a period as a Chart.js configuration: the daily figures, their
 * 7-day average (which reads through the weekly reporting rhythm), and marks on the days the source got wrong in a
 * known way (a backlog entered on one day, a day folded into the next), so nobody takes them for outbreaks.
 */
final class CovidChart {

    private CovidChart() {
    }

    static String config(CovidDataset dataset, int code, String province, LocalDate from, LocalDate to) {
        List<DailyFigure> days = dataset.series(code, from, to);
        Set<LocalDate> backlogs = dataset.backloggedDays(code);
        Set<LocalDate> folded = dataset.foldedDays();
        JsonArrayBuilder labels = JsonProviders.JSON.createArrayBuilder();
        JsonArrayBuilder values = JsonProviders.JSON.createArrayBuilder();
        JsonArrayBuilder averages = JsonProviders.JSON.createArrayBuilder();
        JsonArrayBuilder marks = JsonProviders.JSON.createArrayBuilder();
        Deque<Long> week = new ArrayDeque<>();
        long weekSum = 0;
        for (DailyFigure figure : days) {
            long cases = figure.newCases() == null ? 0 : figure.newCases();
            labels.add(DayInput.DISPLAY.format(figure.date()));
            values.add(cases);
            week.addLast(cases);
            weekSum += cases;
            if (week.size() > 7) {
                weekSum -= week.removeFirst();
            }
            averages.add(Math.round(weekSum * 10.0 / week.size()) / 10.0);
            if (backlogs.contains(figure.date()) || folded.contains(figure.date())) {
                marks.add(cases);
            } else {
                marks.addNull();
            }
        }
        JsonArrayBuilder datasets = JsonProviders.JSON.createArrayBuilder()
                .add(line(Messages.text("covid.chart.label", "New cases") + ": " + province, values, "#1a73e8", true))
                .add(line(Messages.text("covid.chart.average", "7-day average"), averages, "#d93025", false))
                .add(JsonProviders.JSON.createObjectBuilder()
                        .add("label", Messages.text("covid.chart.quirk", "Reporting quirk"))
                        .add("data", marks)
                        .add("showLine", false)
                        .add("pointRadius", 7)
                        .add("pointStyle", "triangle")
                        .add("borderColor", "#f9ab00")
                        .add("backgroundColor", "#f9ab00"));
        return JsonProviders.JSON.createObjectBuilder()
                .add("type", "line")
                .add("data", JsonProviders.JSON.createObjectBuilder().add("labels", labels).add("datasets", datasets))
                .add("options", JsonProviders.JSON.createObjectBuilder()
                        .add("animation", false)
                        // The card's whole width at the card's height, not a 2:1 box that leaves half the card empty.
                        .add("responsive", true)
                        .add("maintainAspectRatio", false)
                        .add("plugins", JsonProviders.JSON.createObjectBuilder().add("legend",
                                JsonProviders.JSON.createObjectBuilder().add("display", true))))
                .build().toString();
    }

    private static JsonObjectBuilder line(String label, JsonArrayBuilder values, String color, boolean fill) {
        return JsonProviders.JSON.createObjectBuilder()
                .add("label", label)
                .add("data", values)
                .add("borderColor", color)
                .add("backgroundColor", fill ? "rgba(26,115,232,0.15)" : color)
                .add("fill", fill)
                .add("pointRadius", 0)
                .add("borderWidth", fill ? 1.5 : 2)
                .add("tension", 0.2);
    }
}
