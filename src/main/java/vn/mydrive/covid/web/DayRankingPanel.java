package vn.mydrive.covid.web;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import vn.mydrive.covid.CovidData;
import vn.mydrive.covid.CovidLookup;
import vn.mydrive.covid.DayInput;
import vn.mydrive.covid.DayRanking;
import vn.mydrive.platform.faces.Messages;
import vn.mydrive.platform.web.ApiException;

/**
 * The lookup page's table for a day: every province ranked by that day's new cases, with deaths and cases to
 * date, under the national figures; it opens on the last day the figures cover.
 */
@Named
@ViewScoped
public class DayRankingPanel implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    transient CovidLookup lookup;

    @Inject
    transient CovidData data;

    private String day;
    private DayRanking ranking;

    @PostConstruct
    void init() {
        data.current().lastDay().ifPresent(last -> {
            day = DayInput.display(last);
            show();
        });
    }

    public void show() {
        try {
            ranking = lookup.ranking(day);
        } catch (ApiException e) {
            Messages.error(e);
        }
    }

    public boolean isShown() {
        return ranking != null;
    }

    public List<DayRanking.Line> getLines() {
        return ranking == null ? List.of() : ranking.lines();
    }

    public DayRanking getRanking() {
        return ranking;
    }

    /** The day shown, as people write it. */
    public String getShownDay() {
        return ranking == null ? "" : DayInput.display(ranking.day());
    }

    public String getCountedOn() {
        return ranking == null || ranking.countedOn() == null ? null : DayInput.display(ranking.countedOn());
    }

    public String getDay() {
        return day;
    }

    public void setDay(String day) {
        this.day = day;
    }
}
