package org.rxradar.trend;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.rxradar.model.TaggedItem;

/**
 * The UTC day an item counts on. The source's {@code published} date is used when it is real:
 * a trend is about when things were posted, not when RxRadar happened to fetch them (a first
 * crawl of a board would otherwise pile weeks of leads onto one day). When the date is only an
 * estimate (the fetch time), missing, or more than a day after tagging (a source's future date
 * is not trusted), the {@code tagged} time is used, then {@code fetched}.
 */
public final class TrendDay {
    private static final Duration FUTURE_SLACK = Duration.ofDays(1);

    private TrendDay() {}

    /** The day, or null when the item carries no usable time at all. */
    public static LocalDate of(TaggedItem item) {
        Instant when = item.publishedEstimated() ? null : item.published();
        Instant fallback = item.tagged() != null ? item.tagged() : item.fetched();
        if (when == null || (fallback != null && when.isAfter(fallback.plus(FUTURE_SLACK)))) when = fallback;
        if (when == null) when = item.published();
        return when == null ? null : LocalDate.ofInstant(when, ZoneOffset.UTC);
    }
}
