package org.rxradar.geo;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.rxradar.model.Place;

/**
 * Where a lead is on the map, from what its place says: a ZIP code in the place text first (a
 * posting's own {@code postalCode} is kept there), else the centroid of its city in its state.
 * A place that gives only a state has no point: a state is too large to measure a radius from.
 */
public final class LeadLocator {
    // a ZIP after the state or at the end: "Fresno, CA 93721", "93721-1234"; not a street number
    private static final Pattern ZIP = Pattern.compile("(?<![\\d-])(\\d{5})(?:-\\d{4})?(?!\\d)\\s*$|\\b[A-Z]{2}\\s+(\\d{5})(?:-\\d{4})?\\b");

    private final ZipCentroids table;

    public LeadLocator(ZipCentroids table) {
        this.table = table;
    }

    public static LeadLocator shipped() {
        return new LeadLocator(ZipCentroids.get());
    }

    public Optional<GeoPoint> locate(Place place) {
        if (place == null) return Optional.empty();
        String zip = zipIn(place.text());
        if (zip != null) {
            Optional<GeoPoint> p = table.zip(zip);
            if (p.isPresent()) return p;
        }
        return table.city(place.city(), place.state());
    }

    /** The five-digit ZIP code a place text ends with or names after a state code, or null. */
    static String zipIn(String text) {
        if (text == null) return null;
        Matcher m = ZIP.matcher(text.trim());
        if (!m.find()) return null;
        return m.group(1) != null ? m.group(1) : m.group(2);
    }
}
