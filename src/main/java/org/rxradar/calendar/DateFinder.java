package org.rxradar.calendar;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the first readable calendar date in a news text: "March 14, 2027", "Mar. 14", "March 14th",
 * "14 March 2027", "3/14/2027" (US order) and "2027-03-14". A date without a year takes the year
 * that puts it nearest after the item's publication: the publication year, or the next one when
 * that would put the date more than two months before publication (a December story about
 * "Jan. 15" means next January; a March story about "the March 2 webinar" means this March).
 * Impossible dates ("February 30") are skipped. A time of day right after the date ("March 14 at
 * 2 p.m. ET", "3/14/2027, 10:30 am") is read too, with a US zone when one is named.
 */
public final class DateFinder {
    private static final Map<String, Integer> MONTHS = Map.ofEntries(
            Map.entry("jan", 1), Map.entry("feb", 2), Map.entry("mar", 3), Map.entry("apr", 4), Map.entry("may", 5),
            Map.entry("jun", 6), Map.entry("jul", 7), Map.entry("aug", 8), Map.entry("sep", 9), Map.entry("oct", 10),
            Map.entry("nov", 11), Map.entry("dec", 12));
    private static final String MONTH = "(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
            + "|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?";
    private static final String DAY = "(\\d{1,2})(?:st|nd|rd|th)?";
    private static final Pattern MONTH_DAY = Pattern.compile("\\b" + MONTH + "\\s+" + DAY + "(?:,?\\s+(\\d{4}))?(?![\\d:])",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern DAY_MONTH = Pattern.compile("\\b" + DAY + "\\s+(?:of\\s+)?" + MONTH + "(?:,?\\s+(\\d{4}))?\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern US_NUMERIC = Pattern.compile("(?<![\\d/])(\\d{1,2})/(\\d{1,2})/(\\d{4})(?![\\d/])");
    private static final Pattern ISO = Pattern.compile("(?<![\\d-])(\\d{4})-(\\d{2})-(\\d{2})(?![\\d-])");

    private static final Pattern TIME = Pattern.compile("^(?:\\s*,)?\\s*(?:at\\s+|from\\s+|@\\s*)?(\\d{1,2})(?::(\\d{2}))?\\s*([ap])\\.?\\s?m\\b\\.?"
            + "(?:\\s*\\(?(E|C|M|P)[SD]?T\\b|\\s+(Eastern|Central|Mountain|Pacific)\\b)?", Pattern.CASE_INSENSITIVE);

    /**
     * A date, with its time of day when the text gives one.
     *
     * @param time null for an all-day date
     * @param zone null when the text names no zone (a floating time)
     */
    public record When(LocalDate date, LocalTime time, ZoneId zone) {}

    private DateFinder() {}

    /** Like {@link #find}, with the time of day and zone that follow the date, when the text gives them. */
    public static Optional<When> findWhen(String text, LocalDate published) {
        if (text == null || text.isBlank()) return Optional.empty();
        int[] end = new int[1];
        LocalDate date = first(text, published, end);
        if (date == null) return Optional.empty();
        Matcher t = TIME.matcher(text.substring(end[0], Math.min(text.length(), end[0] + 40)));
        if (!t.find()) return Optional.of(new When(date, null, null));
        int hour = Integer.parseInt(t.group(1));
        int minute = t.group(2) == null ? 0 : Integer.parseInt(t.group(2));
        if (hour < 1 || hour > 12 || minute > 59) return Optional.of(new When(date, null, null));
        hour = hour % 12 + (Character.toLowerCase(t.group(3).charAt(0)) == 'p' ? 12 : 0);
        String zoneLetter = t.group(4) != null ? t.group(4) : t.group(5) != null ? t.group(5).substring(0, 1) : null;
        ZoneId zone = zoneLetter == null ? null : switch (Character.toUpperCase(zoneLetter.charAt(0))) {
            case 'E' -> ZoneId.of("America/New_York");
            case 'C' -> ZoneId.of("America/Chicago");
            case 'M' -> ZoneId.of("America/Denver");
            default -> ZoneId.of("America/Los_Angeles");
        };
        return Optional.of(new When(date, LocalTime.of(hour, minute), zone));
    }

    /** The first date in {@code text} (earliest position), with year-less dates placed after {@code published}. */
    public static Optional<LocalDate> find(String text, LocalDate published) {
        if (text == null || text.isBlank()) return Optional.empty();
        return Optional.ofNullable(first(text, published, new int[1]));
    }

    private static LocalDate first(String text, LocalDate published, int[] end) {
        LocalDate best = null;
        int bestAt = Integer.MAX_VALUE;
        for (Pattern p : new Pattern[] {MONTH_DAY, DAY_MONTH, US_NUMERIC, ISO}) {
            Matcher m = p.matcher(text);
            while (m.find() && m.start() < bestAt) {
                LocalDate d = date(p, m, published);
                if (d != null) {
                    best = d;
                    bestAt = m.start();
                    end[0] = m.end();
                    break;
                }
            }
        }
        return best;
    }

    private static LocalDate date(Pattern p, Matcher m, LocalDate published) {
        try {
            if (p == US_NUMERIC) return LocalDate.of(year(m.group(3)), Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
            if (p == ISO) return LocalDate.of(year(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
            String monthWord = m.group(p == MONTH_DAY ? 1 : 2);
            if (Character.isLowerCase(monthWord.charAt(0))) return null; // "may 20 people", "march 3 times"
            int month = MONTHS.get(m.group(p == MONTH_DAY ? 1 : 2).substring(0, 3).toLowerCase(Locale.ROOT));
            int day = Integer.parseInt(m.group(p == MONTH_DAY ? 2 : 1));
            String year = m.group(3);
            if (year != null) return LocalDate.of(year(year), month, day);
            if (published == null) return null;
            LocalDate d = LocalDate.of(published.getYear(), month, day);
            return d.isBefore(published.minusMonths(2)) ? LocalDate.of(published.getYear() + 1, month, day) : d;
        } catch (DateTimeException | NumberFormatException e) {
            return null; // "February 30", "13/40/2027": not a date
        }
    }

    // a year far from now is a number that only looks like one ("1,500 techs in 2 states")
    private static int year(String text) {
        int y = Integer.parseInt(text);
        if (y < 1990 || y > 2100) throw new NumberFormatException("not a plausible year: " + y);
        return y;
    }
}
