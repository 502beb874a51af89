package org.rxradar.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rxradar.model.Certification;
import org.rxradar.model.Kind;
import org.rxradar.model.Place;
import org.rxradar.model.Salary;
import org.rxradar.model.TaggedItem;

class SettingProfileTest {
    private static TaggedItem lead(String id, Salary pay, List<Certification> certs, List<String> shift, String employer, String state) {
        Instant t = Instant.parse("2026-11-30T12:00:00Z");
        return new TaggedItem(1, id, Kind.JOB, "src", "https://x.example/" + id, "Tech " + id, null, t, false, t, null, employer,
                new Place("Town, " + state, "Town", state, false), List.of("hospital"), List.of(), null, null, true, pay, certs,
                "FULL_TIME", shift, null, t);
    }

    @Test
    void payHasItsMedianMiddleHalfRangeAndSampleSize() {
        SettingProfile p = SettingProfile.of(List.of(
                lead("a", new Salary(18.0, 20.0, Salary.Unit.HOUR, "USD"), List.of(), List.of("DAY"), "Mercy", "TX"),
                lead("b", new Salary(41600.0, 41600.0, Salary.Unit.YEAR, "USD"), List.of(), List.of("NIGHT"), "Mercy", "tx"),
                lead("c", new Salary(24.0, null, Salary.Unit.HOUR, "USD"), List.of(), List.of("DAY"), "Baylor", "OK"),
                lead("d", new Salary(30.0, 30.0, Salary.Unit.HOUR, "USD"), List.of(), List.of(), null, null),
                lead("e", null, List.of(), List.of(), null, null)));
        assertThat(p.leads()).isEqualTo(5);
        // hourly: 19, 20 (41,600 / 2,080), 24, 30
        assertThat(p.pay().n()).isEqualTo(4);
        assertThat(p.pay().median()).isEqualTo("$22.00/hr");
        assertThat(p.pay().lowerQuartile()).isEqualTo("$19.50/hr");
        assertThat(p.pay().upperQuartile()).isEqualTo("$27.00/hr");
        assertThat(p.pay().lowest()).isEqualTo("$19.00/hr");
        assertThat(p.pay().highest()).isEqualTo("$30.00/hr");
        assertThat(p.shifts()).extracting(SettingProfile.Count::label).containsExactly("Day", "Night");
        assertThat(p.employers()).first().satisfies(c -> assertThat(c.label() + "=" + c.count()).isEqualTo("Mercy=2"));
        assertThat(p.states()).first().satisfies(c -> assertThat(c.label() + "=" + c.count()).isEqualTo("TX=2"));
    }

    @Test
    void certificationsCountLeadsOnceWithHowManyRequireThem() {
        SettingProfile p = SettingProfile.of(List.of(
                lead("a", null, List.of(new Certification("PTCB-CPhT", true), new Certification("PTCB-CPhT", false)), List.of(), null, null),
                lead("b", null, List.of(new Certification("PTCB-CPhT", false), new Certification("CSPT", false)), List.of(), null, null),
                lead("c", null, List.of(), List.of(), null, null)));
        assertThat(p.certifications()).extracting(SettingProfile.Count::label).containsExactly("PTCB CPhT", "CSPT");
        SettingProfile.Count ptcb = p.certifications().get(0);
        assertThat(ptcb.count()).isEqualTo(2);
        assertThat(ptcb.required()).isEqualTo(1);
        assertThat(ptcb.preferred()).isEqualTo(1);
        assertThat(ptcb.percent()).isEqualTo(67);
        assertThat(SettingProfile.of(List.of()).pay()).isNull();
    }
}
