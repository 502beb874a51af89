package org.rxradar.fetch;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/** Reads a Retry-After header: delta seconds or an HTTP date. Garbage or the past is null. */
final class RetryAfter {
    private static final Duration MAX = Duration.ofDays(7);

    private RetryAfter() {}

    static Duration parse(String header, Instant now) {
        if (header == null || header.isBlank()) return null;
        String h = header.trim();
        try {
            long seconds = Long.parseLong(h);
            return seconds < 0 ? null : min(Duration.ofSeconds(seconds));
        } catch (NumberFormatException notSeconds) {
            try {
                Instant when = ZonedDateTime.parse(h, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                Duration d = Duration.between(now, when);
                return d.isNegative() ? null : min(d);
            } catch (RuntimeException notDate) {
                return null;
            }
        }
    }

    private static Duration min(Duration d) {
        return d.compareTo(MAX) > 0 ? MAX : d;
    }
}
