package org.rxradar.geo;

/** A place on the globe in decimal degrees (WGS 84, as the census publishes centroids). */
public record GeoPoint(double lat, double lon) {
    /** Mean Earth radius in statute miles (IUGG mean radius, 6,371.0088 km). */
    public static final double EARTH_RADIUS_MILES = 3958.7613;

    /** Great-circle distance in miles by the haversine formula, which stays accurate for short distances. */
    public double milesTo(GeoPoint other) {
        double phi1 = Math.toRadians(lat), phi2 = Math.toRadians(other.lat);
        double dPhi = phi2 - phi1, dLambda = Math.toRadians(other.lon - lon);
        double a = Math.sin(dPhi / 2) * Math.sin(dPhi / 2)
                + Math.cos(phi1) * Math.cos(phi2) * Math.sin(dLambda / 2) * Math.sin(dLambda / 2);
        return 2 * EARTH_RADIUS_MILES * Math.asin(Math.min(1, Math.sqrt(a)));
    }
}
