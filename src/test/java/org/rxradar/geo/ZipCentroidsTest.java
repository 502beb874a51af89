package org.rxradar.geo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.rxradar.model.Place;

class ZipCentroidsTest {
    @Test
    void theShippedTableHasEveryRowAndKnownPlaces() {
        ZipCentroids t = ZipCentroids.get();
        assertThat(t.zipCount()).isEqualTo(42_254);
        assertThat(t.known("10001")).isTrue();
        assertThat(t.known("00000")).isFalse();
        assertThat(t.city("Austin", "TX")).isPresent();
        assertThat(t.city("Austin", "CA")).isEmpty();
    }

    @Test
    void haversineMatchesAKnownDistance() {
        // New York (10001) to Los Angeles (90012): about 2,450 miles great-circle
        double miles = ZipCentroids.get().zip("10001").orElseThrow().milesTo(ZipCentroids.get().zip("90012").orElseThrow());
        assertThat(miles).isBetween(2_430.0, 2_470.0);
        GeoPoint p = new GeoPoint(30.0, -97.0);
        assertThat(p.milesTo(p)).isZero();
        // one degree of latitude is 69.1 miles
        assertThat(new GeoPoint(30.0, -97.0).milesTo(new GeoPoint(31.0, -97.0))).isBetween(69.0, 69.2);
    }

    @Test
    void aZipInThePlaceTextIsFoundButNotAStreetNumber() {
        assertThat(LeadLocator.zipIn("Fresno, CA 93721")).isEqualTo("93721");
        assertThat(LeadLocator.zipIn("Fresno, CA 93721-1234")).isEqualTo("93721");
        assertThat(LeadLocator.zipIn("12345 Main St, Fresno, CA")).isNull();
        assertThat(LeadLocator.zipIn("Fresno, CA")).isNull();
        assertThat(LeadLocator.shipped().locate(new Place("TX", null, "TX", false))).isEmpty();
    }
}
