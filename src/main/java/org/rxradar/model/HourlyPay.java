package org.rxradar.model;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/**
 * Pay per hour, the figure pharmacy technicians compare. Annual pay is converted at
 * {@link #HOURS_PER_YEAR} hours; what is shown keeps the published figure beside the hourly one:
 * {@code $23.32–$27.88/hr ($48,500–$58,000/yr)}. Hourly pay is shown as published:
 * {@code $18.50–$22.00/hr}.
 */
public final class HourlyPay {
    /**
     * Hours in a full-time year: 40 hours a week for 52 weeks, the convention of US employers and
     * of the Bureau of Labor Statistics' annual-to-hourly wage figures. The one place this number lives.
     */
    public static final int HOURS_PER_YEAR = 2080;

    private HourlyPay() {}

    /** The figure per hour: annual pay divided by {@link #HOURS_PER_YEAR}, anything else as written. */
    public static Double perHour(Double amount, Salary.Unit unit) {
        if (amount == null) return null;
        return unit == Salary.Unit.YEAR ? amount / HOURS_PER_YEAR : amount;
    }

    /** The low end per hour, or null when the pay gives none ("up to $25"). */
    public static Double min(Salary s) {
        return s == null ? null : perHour(s.min(), s.unit());
    }

    /** The high end per hour, or null when the pay gives none ("from $17"). */
    public static Double max(Salary s) {
        return s == null ? null : perHour(s.max(), s.unit());
    }

    /** The highest figure the pay names, per hour: its max, else its single or "from" figure; null when none. */
    public static Double top(Salary s) {
        Double max = max(s);
        return max != null ? max : min(s);
    }

    public static boolean stated(Salary s) {
        return s != null && (s.min() != null || s.max() != null);
    }

    /** Hourly to the cent, half up: what is shown, and what a pay floor is compared with. */
    public static long cents(double perHour) {
        return Math.round(perHour * 100);
    }

    /**
     * The pay as a reader expects it: {@code $18.50–$22.00/hr}, {@code from $17.00/hr},
     * {@code $23.32–$27.88/hr ($48,500–$58,000/yr)}; null when the salary says nothing.
     */
    public static String format(Salary s) {
        if (!stated(s)) return null;
        if (s.unit() != Salary.Unit.YEAR) return range(s.min(), s.max(), true, s.currency(), s.unit() == null ? "" : "/hr");
        String hourly = range(min(s), max(s), true, s.currency(), "/hr");
        String annual = range(s.min(), s.max(), false, s.currency(), "/yr");
        return hourly + " (" + annual.replaceFirst("^(from|up to) ", "") + ")";
    }

    private static String range(Double min, Double max, boolean cents, String currency, String suffix) {
        String lo = min == null ? null : amount(min, cents, currency);
        String hi = max == null ? null : amount(max, cents, currency);
        if (lo != null && hi != null) return lo.equals(hi) ? lo + suffix : lo + "\u2013" + hi + suffix;
        return lo != null ? "from " + lo + suffix : "up to " + hi + suffix;
    }

    private static String amount(double value, boolean cents, String currency) {
        // hourly pay keeps its cents; annual pay reads better rounded to the dollar
        DecimalFormat f = new DecimalFormat(cents ? "#,##0.00" : "#,##0", DecimalFormatSymbols.getInstance(Locale.US));
        String number = f.format(value);
        if (currency == null || currency.isBlank() || currency.equalsIgnoreCase("USD")) return "$" + number;
        return currency.toUpperCase(Locale.ROOT) + " " + number;
    }
}
