package org.rxradar.digest;

import org.rxradar.model.HourlyPay;
import org.rxradar.model.Salary;

/** Pay as a digest shows it; see {@link HourlyPay#format}: {@code $23.32–$27.88/hr ($48,500–$58,000/yr)}. */
public final class PayFormat {
    private PayFormat() {}

    /** The formatted pay, or null when the salary says nothing. */
    public static String format(Salary salary) {
        return HourlyPay.format(salary);
    }
}
