package org.rxradar.digest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rxradar.digest.TestItems.job;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.rxradar.model.Subscriber;
import org.rxradar.trend.TrendStore;

/** Which digests carry "Trends this week", and how it reads in both parts. */
class WeeklyTrendsTest {
    private static final LocalDate MONDAY = LocalDate.of(2026, 11, 23);
    private static final LocalDate TUESDAY = MONDAY.plusDays(1);
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-24T12:00:00Z"), ZoneOffset.UTC);
    private final DigestRenderer renderer = new DigestRenderer();
    private final DigestSelector selector = new DigestSelector("https://rxradar.example.org", 30, 15);

    private static Subscriber subscriber(String frequency) {
        return Subscriber.of("t", "t@example.org", null, List.of(), List.of(), List.of(), List.of(), false, List.of(),
                "UTC", "07:00", frequency, "confirmed");
    }

    private static TrendStore storeWithLeads() {
        TrendStore store = new TrendStore();
        for (int d = 1; d <= 10; d++) {
            store.add(job("Hospital Technician " + d).settings("hospital").hourly(19, 23).url("https://jobs.example.org/h" + d)
                    .published(Instant.parse("2026-11-23T12:00:00Z").minus(Duration.ofDays(d))).build());
        }
        return store;
    }

    private RenderedDigest render(WeeklyTrends trends, Subscriber s, LocalDate period) {
        Digest d = selector.select(s, List.of(job("Retail Technician").settings("retail").build()), period);
        return renderer.render(d, "https://rxradar.example.org/unsubscribe?token=x", trends.sectionFor(s, period));
    }

    @Test
    void dailySubscribersGetTheTrendsOnMondaysWeeklySubscribersInEveryDigest() {
        assertThat(WeeklyTrends.isTrendsDigest(subscriber("daily"), MONDAY)).isTrue();
        assertThat(WeeklyTrends.isTrendsDigest(subscriber("daily"), TUESDAY)).isFalse();
        assertThat(WeeklyTrends.isTrendsDigest(subscriber("weekly:friday"), LocalDate.of(2026, 11, 27))).isTrue();
        assertThat(WeeklyTrends.isTrendsDigest(subscriber("weekly"), MONDAY)).isTrue();

        WeeklyTrends trends = WeeklyTrends.from(storeWithLeads(), clock);
        RenderedDigest monday = render(trends, subscriber("daily"), MONDAY);
        assertThat(monday.text()).contains("TRENDS THIS WEEK").containsPattern("Hospital +[0-9]+ leads").contains("Retail Technician");
        assertThat(monday.html()).contains("<h2>Trends this week</h2>", "Median pay");
        assertThat(monday.text().indexOf("TRENDS THIS WEEK")).isLessThan(monday.text().indexOf("Unsubscribe:"));
        RenderedDigest tuesday = render(trends, subscriber("daily"), TUESDAY);
        assertThat(tuesday.text()).doesNotContain("TRENDS THIS WEEK");
        assertThat(tuesday.html()).doesNotContain("Trends this week");
    }

    @Test
    void noSectionWhenNothingWasCounted() {
        WeeklyTrends trends = WeeklyTrends.from(new TrendStore(), clock);
        assertThat(trends.sectionFor(subscriber("daily"), MONDAY)).isEmpty();
        assertThat(render(trends, subscriber("daily"), MONDAY).text()).doesNotContain("TRENDS");
        assertThat(render(WeeklyTrends.none(), subscriber("weekly"), MONDAY).html()).doesNotContain("Trends this week");
    }

    @Test
    void oneReportServesAWholeSendRun() {
        AtomicInteger built = new AtomicInteger();
        TrendStore store = storeWithLeads();
        WeeklyTrends trends = new WeeklyTrends(day -> {
            built.incrementAndGet();
            return store.report(day, 14);
        }, clock);
        for (int i = 0; i < 100; i++) assertThat(trends.sectionFor(subscriber("weekly"), MONDAY)).isNotEqualTo(Optional.empty());
        assertThat(built).hasValue(1);
    }
}
