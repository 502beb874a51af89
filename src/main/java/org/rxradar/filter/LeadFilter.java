package org.rxradar.filter;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.rxradar.geo.GeoPoint;
import org.rxradar.geo.LeadLocator;
import org.rxradar.geo.ZipCentroids;
import org.rxradar.model.FieldProblem;
import org.rxradar.model.HourlyPay;
import org.rxradar.model.InvalidValueException;
import org.rxradar.model.Kind;
import org.rxradar.model.Place;
import org.rxradar.model.Subscriber;
import org.rxradar.model.TaggedItem;

/**
 * The pay floor and the distance filter of job leads, one rule for digests, feeds and the API.
 * News items pass both: they have no pay and no place.
 *
 * <p><b>Pay floor</b> ({@code minPay}, dollars per hour): a lead passes when the highest figure its
 * pay names, per hour, reaches the floor: the top of a range, else its single or "from" figure.
 * The top, not the bottom, because a floor asks "can this job pay me that much": a $20–$26/hr
 * posting can, for a $24 floor. Both sides are compared to the cent as shown, so a lead shown at
 * $23.32/hr passes a $23.32 floor. A lead that states no pay passes only when
 * {@code includeUnpaid} (the default), and then says "pay not stated".
 *
 * <p><b>Distance</b> ({@code near} ZIP code and {@code radius} miles): the great-circle distance
 * from the ZIP code's centroid to the lead's ZIP (when its place names one) or its city's centroid,
 * rounded to the whole mile as shown; exactly at the radius passes. A remote lead passes when
 * {@code remote} is set (the subscriber takes remote work). A lead whose place gives only a state,
 * or a city the table does not know, fails a distance filter: where it is cannot be told.
 *
 * @param near   five-digit ZIP code known to {@link ZipCentroids}; null for no distance filter
 * @param radius miles, 1 to {@link Subscriber#MAX_RADIUS}; {@link Subscriber#DEFAULT_RADIUS} when near is given without it
 */
public record LeadFilter(Double minPay, boolean includeUnpaid, String near, Integer radius, boolean remote) {
    public static final LeadFilter NONE = new LeadFilter(null, true, null, null, false);
    public static final String PAY_NOT_STATED = "pay not stated";

    /** Every problem at once, each naming the query parameter (min-pay, near, radius). */
    public LeadFilter {
        near = near == null || near.isBlank() ? null : near.trim();
        radius = near != null && radius == null ? Integer.valueOf(Subscriber.DEFAULT_RADIUS) : radius;
        List<FieldProblem> problems = new ArrayList<>();
        if (minPay != null && (minPay.isNaN() || minPay < 0 || minPay > Subscriber.MAX_MIN_PAY))
            problems.add(new FieldProblem("min-pay", "'" + minPay + "' is not an hourly pay between 0 and " + (int) Subscriber.MAX_MIN_PAY + " dollars"));
        if (near != null && !near.matches("\\d{5}"))
            problems.add(new FieldProblem("near", "'" + near + "' is not a five-digit ZIP code"));
        else if (near != null && !ZipCentroids.get().known(near))
            problems.add(new FieldProblem("near", "'" + near + "' is not a known US ZIP code"));
        if (radius != null && near == null) problems.add(new FieldProblem("radius", "needs near=ZIP to measure from"));
        if (radius != null && (radius < 1 || radius > Subscriber.MAX_RADIUS))
            problems.add(new FieldProblem("radius", "'" + radius + "' is not a distance between 1 and " + Subscriber.MAX_RADIUS + " miles"));
        if (!problems.isEmpty()) throw new InvalidValueException(problems);
    }

    /** The subscriber's pay floor and distance (its {@code zip}, {@code radius} and {@code remote}). */
    public static LeadFilter of(Subscriber s) {
        return new LeadFilter(s.minPay(), s.includeUnpaid(), s.zip(), s.radius(), s.remote());
    }

    public boolean active() {
        return minPay != null || near != null;
    }

    /**
     * Empty when the item fails; otherwise what to tell the reader ("pay not stated", "12 mi from
     * 78701", "Remote"), possibly nothing.
     */
    public Optional<List<String>> check(TaggedItem item) {
        if (item == null) return Optional.empty();
        if (!active() || item.kind() != Kind.JOB) return Optional.of(List.of());
        List<String> reasons = new ArrayList<>(2);
        if (minPay != null) {
            if (!HourlyPay.stated(item.salary())) {
                if (!includeUnpaid) return Optional.empty();
                reasons.add(PAY_NOT_STATED);
            } else if (HourlyPay.cents(HourlyPay.top(item.salary())) < HourlyPay.cents(minPay)) {
                return Optional.empty();
            }
        }
        if (near != null) {
            Place place = item.location();
            if (remote && place != null && place.remote()) {
                reasons.add("Remote");
            } else {
                Long miles = milesTo(place);
                if (miles == null || miles > radius) return Optional.empty();
                reasons.add(miles + " mi from " + near);
            }
        }
        return Optional.of(List.copyOf(reasons));
    }

    public boolean passes(TaggedItem item) {
        if (!active()) return item != null; // every feed query asks: no allocation when there is nothing to check
        return check(item).isPresent();
    }

    /** Whole miles from {@code near} to the place, or null when either end cannot be placed. */
    public Long milesTo(Place place) {
        if (near == null) return null;
        Optional<GeoPoint> origin = ZipCentroids.get().zip(near);
        Optional<GeoPoint> there = LeadLocator.shipped().locate(place);
        if (origin.isEmpty() || there.isEmpty()) return null;
        return Math.round(origin.get().milesTo(there.get()));
    }
}
