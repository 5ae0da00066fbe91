package vn.mydrive.covid.web;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Pattern;
import vn.mydrive.covid.CovidData;
import vn.mydrive.covid.CovidDataset;
import vn.mydrive.covid.CovidExceptions.InvalidDateException;
import vn.mydrive.covid.CovidExceptions.UnknownProvinceException;
import vn.mydrive.covid.CovidLookup;
import vn.mydrive.covid.DayInput;
import vn.mydrive.covid.LookupAnswer;
import vn.mydrive.covid.DayRanking;
import vn.mydrive.covid.Province;
import vn.mydrive.platform.security.Roles;
import vn.mydrive.platform.time.VietnamTime;
import vn.mydrive.platform.web.ClientAddresses;
import vn.mydrive.platform.web.ContentDisposition;

/** The COVID lookup over JSON: provinces, the lookup itself, and a province's daily series. */
@Path("covid")
@RequestScoped
@RolesAllowed({Roles.USER, Roles.ADMIN})
@Produces(MediaType.APPLICATION_JSON)
public class CovidResource {

    /** Codes are 0 (the whole country) to 63, written with one or two digits. */
    private static final Pattern PROVINCE_CODE = Pattern.compile("\\d{1,2}");

    public record ProvinceView(int code, String name, List<String> aliases) {
    }

    /** A lookup's answer; fields that do not apply are left out. */
    public record LookupView(String province, String date, Long totalCases, Long newCases, Long newDeaths,
                             String basis, String source, String countedOn) {
    }

    /** One province's line of a day's ranking. */
    public record RankView(int rank, int code, String province, Long newCases, Long newDeaths, long totalToDate) {
    }

    /** A day across the country, as the evening bulletins gave it. */
    public record DayRankingView(String date, String countedOn, long newCases, long newDeaths, int provincesReporting,
                                 List<RankView> provinces) {
    }

    public record DayView(String date, Long newCases, Long newDeaths) {
    }

    public record SeriesView(int code, String province, List<DayView> days) {
    }

    @Inject
    CovidLookup lookup;

    @Inject
    CovidData data;

    @Inject
    ClientAddresses clientAddresses;

    @Context
    SecurityContext security;

    @Context
    HttpServletRequest request;

    @GET
    @Path("provinces")
    public List<ProvinceView> provinces() {
        return data.current().provinces().all().stream()
                .map(p -> new ProvinceView(p.code(), p.name(), p.aliases())).toList();
    }

    @GET
    @Path("lookup")
    public LookupView lookup(@QueryParam("province") String province, @QueryParam("date") String date) {
        LookupAnswer answer = lookup.lookup(province, date, security.getUserPrincipal().getName(),
                clientAddresses.of(request));
        return new LookupView(answer.province(), answer.date() == null ? null : DayInput.display(answer.date()),
                answer.totalCases(), answer.newCases(), answer.newDeaths(), answer.basis(), answer.source(),
                answer.countedOn() == null ? null : DayInput.display(answer.countedOn()));
    }

    /**
     * Every province on one day, most new cases first (the day's figures of a day the source folded into the next
     * are the next day's, as the lookup gives them). The day follows the lookup's rules and errors.
     */
    @GET
    @Path("days/{day: [^/.]+}")
    public DayRankingView day(@PathParam("day") String day) {
        DayRanking ranking = lookup.ranking(day);
        List<RankView> rows = new java.util.ArrayList<>();
        for (DayRanking.Line line : ranking.lines()) {
            rows.add(new RankView(rows.size() + 1, line.code(), line.province(), line.newCases(), line.newDeaths(),
                    line.totalToDate()));
        }
        return new DayRankingView(DayInput.display(ranking.day()),
                ranking.countedOn() == null ? null : DayInput.display(ranking.countedOn()),
                ranking.newCases(), ranking.newDeaths(), ranking.provincesReporting(), rows);
    }

    /** The same series as CSV, with each day's cases to date, to open in a spreadsheet. */
    @GET
    @Path("provinces/{code}/daily.csv")
    @Produces("text/csv; charset=UTF-8")
    public Response dailyCsv(@PathParam("code") String code, @QueryParam("from") String from,
                             @QueryParam("to") String to) {
        SeriesView series = daily(code, from, to);
        List<List<Object>> rows = new java.util.ArrayList<>();
        // Cases to date: what came before the first row, then a running sum (not the whole history again per row).
        long toDate = series.days().isEmpty() ? 0 : data.current().totalUpTo(series.code(),
                DayInput.parse(series.days().get(0).date()).orElseThrow().minusDays(1));
        for (DayView day : series.days()) {
            toDate += day.newCases() == null ? 0 : day.newCases();
            rows.add(List.of(day.date(), orEmpty(day.newCases()), orEmpty(day.newDeaths()), toDate));
        }
        return csv(series.province() + ".csv",
                CsvTable.of(List.of("date", "new_cases", "new_deaths", "cases_to_date"), rows));
    }

    /** A day's ranking as CSV. */
    @GET
    @Path("days/{day}.csv")
    @Produces("text/csv; charset=UTF-8")
    public Response dayCsv(@PathParam("day") String day) {
        DayRankingView ranking = day(day);
        List<List<Object>> rows = ranking.provinces().stream().map(r -> List.<Object>of(r.rank(), r.code(),
                r.province(), orEmpty(r.newCases()), orEmpty(r.newDeaths()), r.totalToDate())).toList();
        return csv("covid-" + ranking.date() + ".csv", CsvTable.of(
                List.of("rank", "code", "province", "new_cases", "new_deaths", "cases_to_date"), rows));
    }

    private static Object orEmpty(Long value) {
        return value == null ? "" : value;
    }

    private static Response csv(String fileName, String body) {
        return Response.ok(body, "text/csv; charset=UTF-8")
                .header("Content-Disposition", ContentDisposition.attachment(fileName))
                .header("X-Content-Type-Options", "nosniff").build();
    }

    @GET
    @Path("provinces/{code}/daily")
    public SeriesView daily(@PathParam("code") String code, @QueryParam("from") String from,
                            @QueryParam("to") String to) {
        CovidDataset dataset = data.current();
        // Nothing but a code names a province here.
        if (!PROVINCE_CODE.matcher(code).matches()) {
            throw new UnknownProvinceException(dataset.provinces().closest(code, 3));
        }
        int number = Integer.parseInt(code);
        String name = number == Province.WHOLE_COUNTRY ? Province.WHOLE_COUNTRY_NAME : dataset.provinces().byCode(number)
                .map(Province::name).orElseThrow(() -> new UnknownProvinceException(List.of()));
        LocalDate first = day(from, dataset.firstDay().orElse(LocalDate.of(2020, 1, 1)));
        LocalDate last = day(to, dataset.lastDay().orElse(VietnamTime.today()));
        List<DayView> days = dataset.series(number, first, last).stream()
                .map(f -> new DayView(DayInput.display(f.date()), f.newCases(), f.newDeaths())).toList();
        return new SeriesView(number, name, days);
    }

    private static LocalDate day(String text, LocalDate fallback) {
        return text == null || text.isBlank() ? fallback : DayInput.parse(text).orElseThrow(InvalidDateException::new);
    }
}
