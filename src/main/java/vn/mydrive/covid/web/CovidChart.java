package vn.mydrive.covid.web;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.mydrive.covid.CovidDataset;
import vn.mydrive.covid.DailyFigure;
import vn.mydrive.covid.DayInput;
import vn.mydrive.platform.faces.Messages;
import vn.mydrive.platform.json.JsonProviders;

/**
 * Up to four places' figures over a period as a Chart.js configuration: new cases, cases to date or deaths, the
 * 7-day average (which reads through the weekly reporting rhythm), and marks on the days the source got wrong in a
 * known way (a backlog entered on one day, a day folded into the next), so nobody takes them for outbreaks.
 */
final class CovidChart {

    private CovidChart() {
    }

    /** What the chart counts. */
    enum Measure {
        /** New cases each day (with a 7-day average when one place is shown). */
        NEW,
        /** Cases to date. */
        CUMULATIVE,
        /** Deaths each day. */
        DEATHS;

        static Measure parse(String text) {
            for (Measure measure : values()) {
                if (measure.name().equalsIgnoreCase(text)) {
                    return measure;
                }
            }
            return NEW;
        }
    }

    /** A place on the chart: its code and the name its line is labelled with. */
    record Place(int code, String name) {
    }

    private static final String[] COLORS = {"#1a73e8", "#188038", "#a142f4", "#e37400"};

    /**
     * The chart of up to four places over a period. Marks are drawn for the first place only, since they explain
     * its line; the average only when one place is shown, since four more lines would hide the figures.
     */
    static String config(CovidDataset dataset, List<Place> places, LocalDate from, LocalDate to, Measure measure) {
        JsonArrayBuilder labels = JsonProviders.JSON.createArrayBuilder();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            labels.add(DayInput.display(day));
        }
        JsonArrayBuilder datasets = JsonProviders.JSON.createArrayBuilder();
        for (int i = 0; i < places.size(); i++) {
            Place place = places.get(i);
            Map<LocalDate, DailyFigure> days = new HashMap<>();
            dataset.series(place.code(), from, to).forEach(f -> days.put(f.date(), f));
            JsonArrayBuilder values = JsonProviders.JSON.createArrayBuilder();
            JsonArrayBuilder averages = JsonProviders.JSON.createArrayBuilder();
            JsonArrayBuilder marks = JsonProviders.JSON.createArrayBuilder();
            Set<LocalDate> backlogs = dataset.backloggedDays(place.code());
            long running = measure == Measure.CUMULATIVE ? dataset.totalUpTo(place.code(), from.minusDays(1)) : 0;
            Deque<Long> week = new ArrayDeque<>();
            long weekSum = 0;
            for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
                DailyFigure figure = days.get(day);
                long cases = figure == null || figure.newCases() == null ? 0 : figure.newCases();
                long value = switch (measure) {
                    case NEW -> cases;
                    case CUMULATIVE -> running += cases;
                    case DEATHS -> figure == null || figure.newDeaths() == null ? 0 : figure.newDeaths();
                };
                values.add(value);
                week.addLast(value);
                weekSum += value;
                if (week.size() > 7) {
                    weekSum -= week.removeFirst();
                }
                averages.add(Math.round(weekSum * 10.0 / week.size()) / 10.0);
                if (backlogs.contains(day) || dataset.foldedDays().contains(day)) {
                    marks.add(value);
                } else {
                    marks.addNull();
                }
            }
            String what = Messages.text("covid.chart." + measure.name().toLowerCase(java.util.Locale.ROOT),
                    "New cases");
            datasets.add(line(what + ": " + place.name(), values, COLORS[i % COLORS.length], places.size() == 1));
            if (i == 0 && places.size() == 1 && measure != Measure.CUMULATIVE) {
                datasets.add(line(Messages.text("covid.chart.average", "7-day average"), averages, "#d93025", false));
            }
            if (i == 0) {
                datasets.add(JsonProviders.JSON.createObjectBuilder()
                        .add("label", Messages.text("covid.chart.quirk", "Reporting quirk"))
                        .add("data", marks)
                        .add("showLine", false)
                        .add("pointRadius", 7)
                        .add("pointStyle", "triangle")
                        .add("borderColor", "#f9ab00")
                        .add("backgroundColor", "#f9ab00"));
            }
        }
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
