package org.rxradar.digest;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.rxradar.model.Subscriber;
import org.rxradar.trend.TrendDigestSection;
import org.rxradar.trend.TrendReport;
import org.rxradar.trend.TrendStore;

/**
 * The "Trends this week" section, once a week per subscriber: in every digest of a weekly
 * subscriber, and in a daily subscriber's Monday digest. The report covers the 14 days up to the
 * day before the digest's period (the last 7 compared with the 7 before). Reports are cached for a
 * few minutes per day, so that a send run of thousands of digests computes one report, not one each.
 */
public final class WeeklyTrends {
    /** Daily subscribers get the section in this day's digest. */
    public static final DayOfWeek DAILY_TRENDS_DAY = DayOfWeek.MONDAY;
    static final int REPORT_DAYS = 14;
    private static final Duration CACHE_FOR = Duration.ofMinutes(10);

    /** The section as HTML fragment and plain text. */
    public record Section(String html, String text) {}

    private record Cached(Instant at, Optional<Section> section) {}

    private final Function<LocalDate, TrendReport> reports;
    private final Clock clock;
    private final Map<LocalDate, Cached> cache = new ConcurrentHashMap<>();

    /** @param reports the report whose last day is the given (UTC) day */
    public WeeklyTrends(Function<LocalDate, TrendReport> reports, Clock clock) {
        this.reports = Objects.requireNonNull(reports);
        this.clock = Objects.requireNonNull(clock);
    }

    public static WeeklyTrends from(TrendStore store, Clock clock) {
        return new WeeklyTrends(lastDay -> store.report(lastDay, REPORT_DAYS), clock);
    }

    /** No trends at all (a digest without the section). */
    public static WeeklyTrends none() {
        return new WeeklyTrends(lastDay -> null, Clock.systemUTC());
    }

    /** True when this subscriber's digest for {@code period} carries the trends section. */
    public static boolean isTrendsDigest(Subscriber s, LocalDate period) {
        boolean weekly = !s.frequency().daily();
        return weekly || period.getDayOfWeek() == DAILY_TRENDS_DAY;
    }

    /** The section for this digest, or empty when it is not the week's trends digest or nothing was counted. */
    public Optional<Section> sectionFor(Subscriber s, LocalDate period) {
        if (!isTrendsDigest(s, period)) return Optional.empty();
        LocalDate lastDay = period.minusDays(1);
        Instant now = clock.instant();
        Cached c = cache.get(lastDay);
        if (c == null || c.at().plus(CACHE_FOR).isBefore(now)) {
            c = new Cached(now, build(lastDay));
            cache.put(lastDay, c);
            if (cache.size() > 8) cache.keySet().removeIf(d -> d.isBefore(lastDay.minusDays(7)));
        }
        return c.section();
    }

    private Optional<Section> build(LocalDate lastDay) {
        TrendReport report = reports.apply(lastDay);
        // a section of zeros tells the reader nothing: leave it out until something was counted
        if (report == null || report.relevantLeads() + report.newsItems() == 0) return Optional.empty();
        return Optional.of(new Section(TrendDigestSection.html(report), TrendDigestSection.text(report).stripTrailing()));
    }
}
