package org.rxradar.fetch.ats;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.rxradar.model.Place;
import org.rxradar.model.Salary;
import org.rxradar.model.UsStates;

class PostingFieldsTest {

    @Test
    void statesByNameOrCode() {
        assertThat(UsStates.code("Texas")).isEqualTo("TX");
        assertThat(UsStates.code(" new  york ")).isEqualTo("NY");
        assertThat(UsStates.code("District of Columbia")).isEqualTo("DC");
        assertThat(UsStates.code("Puerto Rico")).isEqualTo("PR");
        assertThat(UsStates.code("wa")).isEqualTo("WA");
        assertThat(UsStates.code("Ontario")).isNull();
        assertThat(UsStates.code("")).isNull();
        assertThat(UsStates.code(null)).isNull();
    }

    @Test
    void placesWithCityAndStateWhereTheyAreStatedPlainly() {
        assertThat(PostingFields.place("Houston, TX", false)).isEqualTo(new Place("Houston, TX", "Houston", "TX", false));
        assertThat(PostingFields.place("Austin, Texas, United States", false)).isEqualTo(new Place("Austin, Texas, United States", "Austin", "TX", false));
        assertThat(PostingFields.place("Denver, CO (Hybrid)", false)).isEqualTo(new Place("Denver, CO (Hybrid)", "Denver", "CO", false));
        assertThat(PostingFields.place("Boston, Massachusetts 02114", false)).isEqualTo(new Place("Boston, Massachusetts 02114", "Boston", "MA", false));
        assertThat(PostingFields.place("Remote - Phoenix, AZ", false)).isEqualTo(new Place("Remote - Phoenix, AZ", "Phoenix", "AZ", true));
        assertThat(PostingFields.place("Remote - US", false)).isEqualTo(new Place("Remote - US", null, null, true));
        assertThat(PostingFields.place("Ohio", false)).isEqualTo(new Place("Ohio", null, "OH", false));
        assertThat(PostingFields.place("Toronto, Ontario", false)).isEqualTo(new Place("Toronto, Ontario", null, null, false));
        assertThat(PostingFields.place("Multiple Locations", false)).isEqualTo(new Place("Multiple Locations", null, null, false));
        assertThat(PostingFields.place(null, true)).isEqualTo(new Place("Remote", null, null, true));
        assertThat(PostingFields.place(" ", false)).isNull();
    }

    @Test
    void employmentWordsOfThePlatforms() {
        assertThat(PostingFields.employment("Full-time")).isEqualTo("FULL_TIME");
        assertThat(PostingFields.employment("Full Time")).isEqualTo("FULL_TIME");
        assertThat(PostingFields.employment("Part-Time")).isEqualTo("PART_TIME");
        assertThat(PostingFields.employment("PRN")).isEqualTo("PER_DIEM");
        assertThat(PostingFields.employment("Per Diem")).isEqualTo("PER_DIEM");
        assertThat(PostingFields.employment("Contractor")).isEqualTo("CONTRACT");
        assertThat(PostingFields.employment("Seasonal")).isEqualTo("TEMPORARY");
        assertThat(PostingFields.employment("Multiple Schedules")).isEqualTo("Multiple Schedules");
        assertThat(PostingFields.employment(null)).isNull();
    }

    @Test
    void payPeriodsBecomeHourlyOrAnnual() {
        assertThat(PostingFields.salary(18.0, 22.0, PostingFields.Period.HOUR, "usd")).isEqualTo(new Salary(18.0, 22.0, Salary.Unit.HOUR, "USD"));
        assertThat(PostingFields.salary(160.0, 200.0, PostingFields.Period.DAY, "USD")).isEqualTo(new Salary(20.0, 25.0, Salary.Unit.HOUR, "USD"));
        assertThat(PostingFields.salary(3000.0, null, PostingFields.Period.MONTH, "USD")).isEqualTo(new Salary(36000.0, null, Salary.Unit.YEAR, "USD"));
        assertThat(PostingFields.salary(1500.0, 1800.0, PostingFields.Period.TWO_WEEKS, null)).isEqualTo(new Salary(39000.0, 46800.0, Salary.Unit.YEAR, null));
        assertThat(PostingFields.salary(60000.0, 50000.0, PostingFields.Period.YEAR, "USD")).isEqualTo(new Salary(50000.0, 60000.0, Salary.Unit.YEAR, "USD"));
        assertThat(PostingFields.salary(null, null, PostingFields.Period.YEAR, "USD")).isNull();
        assertThat(PostingFields.salary(5.0, 6.0, null, "USD")).isNull();
    }
}
