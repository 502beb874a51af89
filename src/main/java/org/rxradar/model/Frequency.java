package org.rxradar.model;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Locale;

/**
 * How often a subscriber gets a digest: {@code daily}, or {@code weekly} on one day of the week.
 * Written {@code daily}, {@code weekly} (Mondays), {@code weekly:friday}, {@code weekly:fri} or
 * {@code weekly-friday}; checked where a subscriber enters (file, command line, web, Kafka) so that
 * a bad value is one readable error there instead of a failure at send time.
 *
 * @param weeklyOn the day of a weekly digest; null for daily
 */
public record Frequency(DayOfWeek weeklyOn) {
    public static final Frequency DAILY = new Frequency(null);

    /** The frequency {@code text} names; IllegalArgumentException with a readable message otherwise. */
    @com.fasterxml.jackson.annotation.JsonCreator
    public static Frequency parse(String text) {
        String f = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        if (f.isEmpty() || f.equals("daily")) return DAILY;
        if (!f.startsWith("weekly")) throw new IllegalArgumentException(problem(text));
        if (f.equals("weekly")) return new Frequency(DayOfWeek.MONDAY);
        char sep = f.charAt("weekly".length());
        if (sep != ':' && sep != '-') throw new IllegalArgumentException(problem(text));
        DayOfWeek day = day(f.substring("weekly".length() + 1).trim());
        if (day == null) throw new IllegalArgumentException(problem(text));
        return new Frequency(day);
    }

    public boolean daily() {
        return weeklyOn == null;
    }

    /** True when a digest is due on {@code day}. */
    public boolean sendsOn(LocalDate day) {
        return weeklyOn == null || day.getDayOfWeek() == weeklyOn;
    }

    private static DayOfWeek day(String name) {
        if (name.length() < 3) return null;
        for (DayOfWeek d : DayOfWeek.values()) {
            String full = d.name().toLowerCase(Locale.ROOT);
            if (full.equals(name) || full.startsWith(name) && name.length() >= 3) return d;
        }
        return null;
    }

    private static String problem(String text) {
        return "'" + text + "' is not a frequency (daily, weekly, or weekly:DAY such as weekly:friday or weekly:fri)";
    }

    /** As written in the config file and stored in records: {@code daily}, {@code weekly:friday}. */
    @com.fasterxml.jackson.annotation.JsonValue
    @Override
    public String toString() {
        return weeklyOn == null ? "daily" : "weekly:" + weeklyOn.name().toLowerCase(Locale.ROOT);
    }
}
