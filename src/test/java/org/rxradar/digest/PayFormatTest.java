package org.rxradar.digest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.rxradar.model.HourlyPay;
import org.rxradar.model.Salary;

class PayFormatTest {
    @Test
    void hourlyPayIsShownAsPublished() {
        assertThat(PayFormat.format(new Salary(18.5, 22.0, Salary.Unit.HOUR, "USD"))).isEqualTo("$18.50\u2013$22.00/hr");
        assertThat(PayFormat.format(new Salary(17.0, null, Salary.Unit.HOUR, "USD"))).isEqualTo("from $17.00/hr");
        assertThat(PayFormat.format(new Salary(null, 25.0, Salary.Unit.HOUR, "USD"))).isEqualTo("up to $25.00/hr");
        assertThat(PayFormat.format(new Salary(20.0, 20.0, Salary.Unit.HOUR, "CAD"))).isEqualTo("CAD 20.00/hr");
    }

    @Test
    void annualPayIsShownPerHourWithThePublishedFigureBeside() {
        assertThat(HourlyPay.HOURS_PER_YEAR).isEqualTo(2080);
        assertThat(PayFormat.format(new Salary(48_500.0, 58_000.0, Salary.Unit.YEAR, "USD")))
                .isEqualTo("$23.32\u2013$27.88/hr ($48,500\u2013$58,000/yr)");
        assertThat(PayFormat.format(new Salary(45000.0, 45000.0, Salary.Unit.YEAR, "USD"))).isEqualTo("$21.63/hr ($45,000/yr)");
        assertThat(PayFormat.format(new Salary(42000.0, 51500.0, Salary.Unit.YEAR, null))).isEqualTo("$20.19\u2013$24.76/hr ($42,000\u2013$51,500/yr)");
        assertThat(PayFormat.format(new Salary(41600.0, null, Salary.Unit.YEAR, "USD"))).isEqualTo("from $20.00/hr ($41,600/yr)");
        assertThat(PayFormat.format(new Salary(null, 52000.0, Salary.Unit.YEAR, "USD"))).isEqualTo("up to $25.00/hr ($52,000/yr)");
    }

    @Test
    void nothingToSayIsNull() {
        assertThat(PayFormat.format(null)).isNull();
        assertThat(PayFormat.format(new Salary(null, null, Salary.Unit.HOUR, "USD"))).isNull();
    }
}
