package org.rxradar.digest;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import org.rxradar.model.Salary;

/** Pay as a reader expects it: {@code $18.50–$22.00/hr}, {@code $45,000/yr}, {@code from $17.00/hr}. */
public final class PayFormat {
    private PayFormat() {}

    /** The formatted pay, or null when the salary says nothing. */
    public static String format(Salary salary) {
        if (salary == null || (salary.min() == null && salary.max() == null)) return null;
        boolean hourly = salary.unit() != Salary.Unit.YEAR;
        String suffix = salary.unit() == null ? "" : hourly ? "/hr" : "/yr";
        String min = salary.min() == null ? null : amount(salary.min(), hourly, salary.currency());
        String max = salary.max() == null ? null : amount(salary.max(), hourly, salary.currency());
        if (min != null && max != null) {
            return min.equals(max) ? min + suffix : min + "\u2013" + max + suffix;
        }
        return min != null ? "from " + min + suffix : "up to " + max + suffix;
    }

    private static String amount(double value, boolean hourly, String currency) {
        // hourly pay keeps its cents; annual pay reads better rounded to the dollar
        DecimalFormat f = new DecimalFormat(hourly ? "#,##0.00" : "#,##0", DecimalFormatSymbols.getInstance(Locale.US));
        String number = f.format(value);
        if (currency == null || currency.isBlank() || currency.equalsIgnoreCase("USD")) return "$" + number;
        return currency.toUpperCase(Locale.ROOT) + " " + number;
    }
}
