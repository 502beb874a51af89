package org.rxradar.fetch;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.util.List;
import java.util.Locale;

/**
 * Reads the date formats found in real feeds and pages (RFC 3339 with and without offset, RFC 822
 * with named zones, bare dates). Dates that cannot be read, or are implausible, are null so the
 * caller uses the fetch time and flags it.
 */
public final class Dates {
    private static final Instant EARLIEST = Instant.parse("1995-01-01T00:00:00Z");
    private static final List<DateTimeFormatter> ZONED = List.of(
            DateTimeFormatter.ISO_OFFSET_DATE_TIME,
            DateTimeFormatter.ISO_ZONED_DATE_TIME,
            DateTimeFormatter.RFC_1123_DATE_TIME,
            new DateTimeFormatterBuilder().parseCaseInsensitive().parseLenient()
                    .appendPattern("[EEE, ][EEEE, ]d MMM yyyy HH:mm[:ss] ")
                    .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
                    .optionalStart().appendZoneText(java.time.format.TextStyle.SHORT).optionalEnd()
                    .toFormatter(Locale.ENGLISH),
            new DateTimeFormatterBuilder().parseCaseInsensitive()
                    .appendPattern("yyyy-MM-dd HH:mm[:ss][.SSS]")
                    .appendOffset("+HH:MM", "Z").toFormatter(Locale.ENGLISH));
    private static final List<DateTimeFormatter> LOCAL = List.of(
            DateTimeFormatter.ISO_LOCAL_DATE_TIME,
            new DateTimeFormatterBuilder().appendPattern("yyyy-MM-dd HH:mm[:ss]").toFormatter(Locale.ENGLISH));

    private Dates() {}

    /** A plausible instant from {@code text} (not before 1995, not more than a day after {@code now}), or null. */
    public static Instant parse(String text, Instant now) {
        if (text == null || text.isBlank()) return null;
        return plausible(read(normalise(text)), now);
    }

    /** Any instant {@code text} states (past or future, e.g. a validThrough), or null. */
    public static Instant parseAny(String text) {
        if (text == null || text.isBlank()) return null;
        return read(normalise(text));
    }

    public static Instant plausible(Instant when, Instant now) {
        if (when == null) return null;
        if (when.isBefore(EARLIEST) || when.isAfter(now.plusSeconds(86_400))) return null;
        return when;
    }

    private static String normalise(String text) {
        return text.trim().replaceAll("\\s+", " ")
                .replaceAll("(?i) (UT|GMT|UTC)$", " +0000")
                .replaceAll("(?i) (EST)$", " -0500").replaceAll("(?i) (EDT)$", " -0400")
                .replaceAll("(?i) (CST)$", " -0600").replaceAll("(?i) (CDT)$", " -0500")
                .replaceAll("(?i) (MST)$", " -0700").replaceAll("(?i) (MDT)$", " -0600")
                .replaceAll("(?i) (PST)$", " -0800").replaceAll("(?i) (PDT)$", " -0700");
    }

    private static Instant read(String t) {
        for (DateTimeFormatter f : ZONED) {
            try {
                return ZonedDateTime.parse(t, f).toInstant();
            } catch (RuntimeException ignored) {
                // try the next format
            }
            try {
                return OffsetDateTime.parse(t, f).toInstant();
            } catch (RuntimeException ignored) {
                // try the next format
            }
        }
        for (DateTimeFormatter f : LOCAL) {
            try {
                return LocalDateTime.parse(t, f).toInstant(ZoneOffset.UTC);
            } catch (RuntimeException ignored) {
                // try the next format
            }
        }
        try {
            return LocalDate.parse(t.length() >= 10 ? t.substring(0, 10) : t).atStartOfDay().toInstant(ZoneOffset.UTC);
        } catch (RuntimeException ignored) {
            return null;
        }
    }

}
