package org.rxradar.model;

/**
 * Advertised pay, normalised. {@code min} alone for "starting at", {@code max} alone for "up to",
 * both equal for a single figure. JSON: {@code {"min":18.5,"max":22.0,"unit":"HOUR","currency":"USD"}}.
 */
public record Salary(Double min, Double max, Unit unit, String currency) {
    public enum Unit { HOUR, YEAR }

    /** Hourly figure for comparisons; annual pay is converted at {@link HourlyPay#HOURS_PER_YEAR} hours. Null when unknown. */
    public Double hourlyMidpoint() {
        Double lo = min != null ? min : max;
        Double hi = max != null ? max : min;
        if (lo == null) return null;
        double mid = (lo + hi) / 2.0;
        return HourlyPay.perHour(mid, unit);
    }
}
