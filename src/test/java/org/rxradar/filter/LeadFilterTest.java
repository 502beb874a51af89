package org.rxradar.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rxradar.geo.GeoPoint;
import org.rxradar.geo.ZipCentroids;
import org.rxradar.model.InvalidValueException;
import org.rxradar.model.Kind;
import org.rxradar.model.Place;
import org.rxradar.model.Salary;
import org.rxradar.model.Subscriber;
import org.rxradar.model.TaggedItem;

class LeadFilterTest {
    static final Instant T = Instant.parse("2026-11-30T12:00:00Z");

    static TaggedItem lead(Place place, Salary salary) {
        return new TaggedItem(1, "j", Kind.JOB, "board", "https://jobs.example.com/j", "Pharmacy Technician", "Fill.",
                T, false, T, null, "Mercy", place, List.of("hospital"), List.of(), null, null, true, salary, null,
                null, null, null, T);
    }

    static TaggedItem paid(Salary s) {
        return lead(new Place("Austin, TX", "Austin", "TX", false), s);
    }

    static LeadFilter floor(double minPay, boolean includeUnpaid) {
        return new LeadFilter(minPay, includeUnpaid, null, null, false);
    }

    @Test
    void exactlyAtTheFloorPassesAndACentBelowFails() {
        TaggedItem hourly = paid(new Salary(18.0, 22.0, Salary.Unit.HOUR, "USD"));
        assertThat(floor(22.0, true).passes(hourly)).isTrue();
        assertThat(floor(22.01, true).passes(hourly)).isFalse();
        // $58,000 a year is $27.8846 an hour, shown as $27.88: a $27.88 floor passes, $27.89 does not
        TaggedItem annual = paid(new Salary(48_500.0, 58_000.0, Salary.Unit.YEAR, "USD"));
        assertThat(floor(27.88, true).passes(annual)).isTrue();
        assertThat(floor(27.89, true).passes(annual)).isFalse();
    }

    @Test
    void theFloorIsComparedWithTheHighestFigureThePayNames() {
        assertThat(floor(20, true).passes(paid(new Salary(17.0, null, Salary.Unit.HOUR, "USD")))).isFalse();
        assertThat(floor(17, true).passes(paid(new Salary(17.0, null, Salary.Unit.HOUR, "USD")))).isTrue();
        assertThat(floor(25, true).passes(paid(new Salary(null, 25.0, Salary.Unit.HOUR, "USD")))).isTrue();
        assertThat(floor(24, true).passes(paid(new Salary(20.0, 26.0, Salary.Unit.HOUR, "USD")))).isTrue();
        assertThat(floor(0, true).passes(paid(new Salary(0.0, 0.0, Salary.Unit.HOUR, "USD")))).isTrue();
    }

    @Test
    void leadsWithoutPayPassOnlyWhenUnpaidAreIncludedAndSaySo() {
        TaggedItem unstated = paid(null);
        TaggedItem empty = paid(new Salary(null, null, Salary.Unit.HOUR, "USD"));
        assertThat(floor(20, true).check(unstated)).contains(List.of(LeadFilter.PAY_NOT_STATED));
        assertThat(floor(20, true).check(empty)).contains(List.of("pay not stated"));
        assertThat(floor(20, false).check(unstated)).isEmpty();
        assertThat(floor(20, false).check(empty)).isEmpty();
        // no floor: nothing to say about pay
        assertThat(LeadFilter.NONE.check(unstated)).contains(List.of());
    }

    @Test
    void exactlyAtTheRadiusPassesAsShownInWholeMiles() {
        Place roundRock = new Place("Round Rock, TX 78664", "Round Rock", "TX", false);
        GeoPoint austin = ZipCentroids.get().zip("78701").orElseThrow();
        long miles = Math.round(austin.milesTo(ZipCentroids.get().zip("78664").orElseThrow()));
        assertThat(miles).isBetween(10L, 30L);
        TaggedItem lead = lead(roundRock, null);
        assertThat(new LeadFilter(null, true, "78701", (int) miles, false).check(lead)).contains(List.of(miles + " mi from 78701"));
        assertThat(new LeadFilter(null, true, "78701", (int) miles - 1, false).passes(lead)).isFalse();
    }

    @Test
    void aLeadIsPlacedByItsZipFirstThenByItsCityAndNeverByItsStateAlone() {
        LeadFilter near = new LeadFilter(null, true, "78701", 5, false);
        // the city says Austin, the ZIP says Round Rock, 15+ miles out: the ZIP wins
        assertThat(near.passes(lead(new Place("Austin, TX 78664", "Austin", "TX", false), null))).isFalse();
        assertThat(near.passes(lead(new Place("Austin, TX", "Austin", "TX", false), null))).isTrue();
        assertThat(near.passes(lead(new Place("TX", null, "TX", false), null))).isFalse();
        assertThat(near.passes(lead(null, null))).isFalse();
        // "St. Louis" meets the table's "Saint Louis"
        LeadFilter stl = new LeadFilter(null, true, "63101", 10, false);
        assertThat(stl.passes(lead(new Place("St. Louis, MO", "St. Louis", "MO", false), null))).isTrue();
    }

    @Test
    void remoteLeadsPassTheDistanceOnlyForRemoteTakers() {
        TaggedItem remote = lead(new Place("Remote", null, null, true), null);
        assertThat(new LeadFilter(null, true, "78701", 25, false).passes(remote)).isFalse();
        assertThat(new LeadFilter(null, true, "78701", 25, true).check(remote)).contains(List.of("Remote"));
    }

    @Test
    void newsPassesPayAndDistance() {
        TaggedItem news = new TaggedItem(1, "n", Kind.NEWS, "src", null, "News", null, T, false, T, null, null, null,
                List.of(), List.of("events"), null, null, true, null, null, null, null, null, T);
        assertThat(new LeadFilter(30.0, false, "78701", 1, false).passes(news)).isTrue();
    }

    @Test
    void badValuesAreNamedByTheirParameter() {
        assertThatThrownBy(() -> new LeadFilter(-1.0, true, null, null, false)).isInstanceOf(InvalidValueException.class)
                .hasMessageStartingWith("min-pay:");
        assertThatThrownBy(() -> new LeadFilter(null, true, "99999", null, false)).hasMessageContaining("near: '99999' is not a known US ZIP code");
        assertThatThrownBy(() -> new LeadFilter(null, true, "7870", null, false)).hasMessageContaining("near:");
        assertThatThrownBy(() -> new LeadFilter(null, true, "78701", 501, false)).hasMessageContaining("radius:");
        assertThatThrownBy(() -> new LeadFilter(null, true, null, 10, false)).hasMessageContaining("radius: needs near");
        assertThat(new LeadFilter(null, true, "78701", null, false).radius()).isEqualTo(Subscriber.DEFAULT_RADIUS);
    }

    @Test
    void queryParametersReadAndWriteBack() {
        LeadFilter f = LeadFilterParams.read(Map.of("min-pay", List.of("$20.5"), "include-unpaid", List.of("false"),
                "near", List.of("78701"), "radius", List.of("25"), "remote", List.of("true")));
        assertThat(f).isEqualTo(new LeadFilter(20.5, false, "78701", 25, true));
        assertThat(LeadFilterParams.canonical(f)).containsExactly("min-pay=20.50", "include-unpaid=false", "near=78701", "radius=25", "remote=true");
        assertThat(LeadFilterParams.read(Map.of())).isEqualTo(LeadFilter.NONE);
        assertThatThrownBy(() -> LeadFilterParams.read(Map.of("min-pay", List.of("lots"), "radius", List.of("far"))))
                .hasMessageContaining("min-pay: 'lots'").hasMessageContaining("radius: 'far'");
    }

    @Test
    void theSubscribersZipMustBeInTheTable() {
        assertThatThrownBy(() -> Subscriber.builder("z@example.org").zip("00000").build())
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("zip: '00000' is not a known US ZIP code");
        Subscriber s = Subscriber.builder("z@example.org").zip("78701").radius(25).minPay(21.0).includeUnpaid(false).remote(true).build();
        assertThat(LeadFilter.of(s)).isEqualTo(new LeadFilter(21.0, false, "78701", 25, true));
    }
}
