package org.rxradar.tag;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.rxradar.model.JobPosting;
import org.rxradar.model.Salary;
import org.rxradar.model.Salary.Unit;

class SalaryExtractorTest {
    private static Salary salary(String text) {
        return SalaryExtractor.extract(text, new String[1]);
    }

    @Test
    void hourlyRangeWithCents() {
        assertThat(salary("Pay: $18.50 - $22/hr, day shift.")).isEqualTo(new Salary(18.5, 22.0, Unit.HOUR, "USD"));
        assertThat(salary("$19.25 to $23.00 per hour")).isEqualTo(new Salary(19.25, 23.0, Unit.HOUR, "USD"));
        assertThat(salary("$16 – $19.50 an hour")).isEqualTo(new Salary(16.0, 19.5, Unit.HOUR, "USD"));
    }

    @Test
    void annualRangesAndThousands() {
        assertThat(salary("GS-06, $41,000 - $53,300 per year")).isEqualTo(new Salary(41000.0, 53300.0, Unit.YEAR, "USD"));
        assertThat(salary("Salary $45K annually")).isEqualTo(new Salary(45000.0, 45000.0, Unit.YEAR, "USD"));
    }

    @Test
    void singleFigureIsMinAndMax() {
        assertThat(salary("Evenings, $21.50/hr.")).isEqualTo(new Salary(21.5, 21.5, Unit.HOUR, "USD"));
    }

    @Test
    void upToFillsOnlyMaxAndStartingAtOnlyMin() {
        assertThat(salary("Earn up to $24/hour based on experience")).isEqualTo(new Salary(null, 24.0, Unit.HOUR, "USD"));
        assertThat(salary("Starting at $17 per hour")).isEqualTo(new Salary(17.0, null, Unit.HOUR, "USD"));
        assertThat(salary("$15.75/hr to start; raises after 90 days")).isEqualTo(new Salary(15.75, null, Unit.HOUR, "USD"));
        assertThat(salary("$18/hr starting.")).isEqualTo(new Salary(18.0, null, Unit.HOUR, "USD"));
    }

    @Test
    void differentialsAndBonusesAreLeftOut() {
        assertThat(salary("$2/hr night differential and a $1,000 sign-on bonus. Base pay $20 - $24/hr."))
                .isEqualTo(new Salary(20.0, 24.0, Unit.HOUR, "USD"));
        assertThat(salary("$22/hr plus shift differential")).isEqualTo(new Salary(22.0, 22.0, Unit.HOUR, "USD"));
        assertThat(salary("Sign-on bonus of $3,000!")).isNull();
    }

    @Test
    void figuresWithoutADollarSignNeedAUnit() {
        assertThat(salary("Pay: 18.50 - 22.00 per hour")).isEqualTo(new Salary(18.5, 22.0, Unit.HOUR, "USD"));
        assertThat(salary("48,000 to 56,000 per year")).isEqualTo(new Salary(48000.0, 56000.0, Unit.YEAR, "USD"));
        assertThat(salary("Work 40 hours a week, 2 weekends a month.")).isNull();
    }

    @Test
    void competitivePayAndOtherUnitsGiveNull() {
        assertThat(salary("Competitive pay and great benefits.")).isNull();
        assertThat(salary("$3,200 per month")).isNull();
        assertThat(salary(null)).isNull();
    }

    @Test
    void structuredPostingWinsOverText() {
        Salary posted = new Salary(30.0, 35.0, Unit.HOUR, "USD");
        var item = Items.job("Pharmacy Technician", "Pay $18/hr.", null, null, new JobPosting(posted, null, null, null, null, null));
        assertThat(Tagger.builtIn().tag(item).salary()).isEqualTo(posted);
    }

    @Test
    void newsItemsCarryNoSalary() {
        assertThat(Tagger.builtIn().tag(Items.news("Technicians earn $3 an hour more", "A survey says $3 an hour more.")).salary()).isNull();
    }
}
