package vn.mydrive.covid.source;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import vn.mydrive.platform.time.VietnamTime;

/**
 * The bulletins a page holds, each as its day and its text. A news article holds one: its text is the article body
 * (not the page, whose sidebars tease other days' bulletins), its day the "ngày 23/1" of its title, the year from
 * its published time, or else the published time's own day. The Ministry of Health's timeline holds several, newest
 * first, each under a {@code .timeline-head} giving its time ("18:30 23/01/2022").
 */
final class BulletinPage {

    /** One bulletin: the day its figures are for and the text that gives them. */
    record Report(LocalDate day, String text) {
    }

    /** Article bodies of the sites that printed the bulletins (VnExpress, Thanh Niên, ...), most specific first. */
    private static final List<String> ARTICLE_BODY = List.of("[itemprop=articleBody]", ".fck_detail", ".details__content",
            ".detail-content", ".detail-cmain", ".cms-body", "article");
    private static final String PUBLISHED = "meta[property=article:published_time], meta[itemprop=datePublished],"
            + " meta[name=pubdate], time[datetime]";
    private static final Pattern TITLE_DAY = Pattern.compile("ngày\\s+(\\d{1,2})\\s*[/.-]\\s*(\\d{1,2})(?:\\s*[/.-]\\s*(\\d{4}))?",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern FULL_DAY = Pattern.compile("(\\d{1,2})/(\\d{1,2})/(\\d{4})");

    private BulletinPage() {
    }

    static List<Report> reports(Document page) {
        List<Report> timeline = timeline(page);
        if (!timeline.isEmpty()) {
            return timeline;
        }
        Element body = ARTICLE_BODY.stream().map(page::selectFirst).filter(java.util.Objects::nonNull).findFirst()
                .orElse(page.body());
        Optional<LocalDate> day = day(page);
        return body == null || day.isEmpty() ? List.of() : List.of(new Report(day.get(), body.text()));
    }

    /** Whether the page is the ministry's timeline (whose pager leads to older announcements). */
    static boolean isTimeline(Document page) {
        return !timeline(page).isEmpty();
    }

    /** Whether the page has a text but no day for it, which is worth its own reason. */
    static boolean undated(Document page) {
        return timeline(page).isEmpty() && day(page).isEmpty();
    }

    private static List<Report> timeline(Document page) {
        List<Report> reports = new ArrayList<>();
        for (Element head : page.select(".timeline-head")) {
            Matcher day = FULL_DAY.matcher(head.text());
            Element item = head.parent();
            if (item != null && day.find()) {
                date(day.group(3), day.group(2), day.group(1))
                        .ifPresent(d -> reports.add(new Report(d, item.text())));
            }
        }
        return reports;
    }

    private static Optional<LocalDate> day(Document page) {
        Optional<LocalDate> published = published(page);
        for (String title : titles(page)) {
            Matcher inTitle = TITLE_DAY.matcher(title);
            if (inTitle.find()) {
                if (inTitle.group(3) != null) {
                    return date(inTitle.group(3), inTitle.group(2), inTitle.group(1));
                }
                if (published.isPresent()) {
                    Optional<LocalDate> thisYear = date(String.valueOf(published.get().getYear()), inTitle.group(2),
                            inTitle.group(1));
                    // "Ngày 31/12" published on 1 January is last year's bulletin.
                    return thisYear.map(d -> d.isAfter(published.get()) ? d.minusYears(1) : d);
                }
            }
        }
        return published;
    }

    private static List<String> titles(Document page) {
        List<String> titles = new ArrayList<>();
        Element og = page.selectFirst("meta[property=og:title]");
        if (og != null) {
            titles.add(og.attr("content"));
        }
        Element h1 = page.selectFirst("h1");
        if (h1 != null) {
            titles.add(h1.text());
        }
        titles.add(page.title());
        return titles;
    }

    private static Optional<LocalDate> published(Document page) {
        Element published = page.selectFirst(PUBLISHED);
        if (published == null) {
            return Optional.empty();
        }
        String value = (published.hasAttr("content") ? published.attr("content") : published.attr("datetime")).strip();
        try {
            return Optional.of(OffsetDateTime.parse(value).atZoneSameInstant(VietnamTime.ZONE).toLocalDate());
        } catch (DateTimeParseException notOffset) {
            // Sites also print an instant, a local time (Vietnam's) or a bare day.
        }
        try {
            return Optional.of(Instant.parse(value).atZone(VietnamTime.ZONE).toLocalDate());
        } catch (DateTimeParseException notInstant) {
            // Next form.
        }
        try {
            return Optional.of(LocalDateTime.parse(value.replace(' ', 'T')).toLocalDate());
        } catch (DateTimeParseException notLocal) {
            // Next form.
        }
        Matcher day = FULL_DAY.matcher(value);
        if (day.find()) {
            return date(day.group(3), day.group(2), day.group(1));
        }
        try {
            return Optional.of(LocalDate.parse(value.length() >= 10 ? value.substring(0, 10) : value));
        } catch (DateTimeParseException notADay) {
            return Optional.empty();
        }
    }

    private static Optional<LocalDate> date(String year, String month, String day) {
        try {
            return Optional.of(LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day)));
        } catch (DateTimeException | NumberFormatException notADay) {
            return Optional.empty();
        }
    }
}
