package org.rxradar.trend;

import java.util.Collection;

/** The median of a collection of numbers: the mean of the two middle values when the count is even. */
public final class Median {
    private Median() {}

    /** The median, or null for an empty collection. */
    public static Double of(Collection<Double> values) {
        if (values.isEmpty()) return null;
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2.0;
    }
}
