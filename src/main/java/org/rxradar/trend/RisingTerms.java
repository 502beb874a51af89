package org.rxradar.trend;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds phrases whose share of items in the last {@code recentDays} is significantly above their
 * share in the {@code baselineDays} before (the windows do not overlap). The test is Dunning's
 * log-likelihood ratio G² on the 2×2 table (items with / without the phrase, recent / baseline):
 * unlike a z-score it stays sound for the small counts most phrases have. A phrase needs at least
 * {@code minCount} recent items, so one busy afternoon of a single story does not make a trend.
 * Fragments of one repeated sentence are reduced to one phrase per story ({@link OverlappingTerms}).
 */
public record RisingTerms(int recentDays, int baselineDays, int minCount, double minScore, int limit) {
    /** G² at p &lt; 0.001 with one degree of freedom. */
    public static final double P001 = 10.83;
    /** G² at p &lt; 0.0001: the default, since thousands of phrases are tested at once and chance alone passes p &lt; 0.001 for a few. */
    public static final double P0001 = 15.13;

    public RisingTerms {
        if (recentDays < 1 || baselineDays < 1) throw new IllegalArgumentException("windows must be at least one day");
        if (minCount < 1) throw new IllegalArgumentException("minCount must be at least 1");
        if (limit < 1) throw new IllegalArgumentException("limit must be at least 1");
    }

    public static RisingTerms defaults() {
        return new RisingTerms(7, 28, 5, P0001, 20);
    }

    /** Rising terms for the recent window ending with {@code lastDay} (inclusive), best first. */
    public List<RisingTerm> find(Map<LocalDate, DailyStats> days, LocalDate lastDay) {
        LocalDate recentFrom = lastDay.minusDays(recentDays - 1L);
        LocalDate baselineFrom = recentFrom.minusDays(baselineDays);
        Map<String, Integer> recent = new HashMap<>();
        long recentItems = 0;
        for (LocalDate d = recentFrom; !d.isAfter(lastDay); d = d.plusDays(1)) {
            DailyStats s = days.get(d);
            if (s == null) continue;
            recentItems += s.termItems();
            s.terms().forEach((t, n) -> recent.merge(t, n, Integer::sum));
        }
        recent.values().removeIf(n -> n < minCount);
        Map<String, Integer> baseline = new HashMap<>();
        long baselineItems = 0;
        for (LocalDate d = baselineFrom; d.isBefore(recentFrom); d = d.plusDays(1)) {
            DailyStats s = days.get(d);
            if (s == null) continue;
            baselineItems += s.termItems();
            for (String t : recent.keySet()) {
                Integer n = s.terms().get(t);
                if (n != null) baseline.merge(t, n, Integer::sum);
            }
        }
        if (recentItems == 0 || baselineItems == 0) return List.of();

        List<RisingTerm> rising = new ArrayList<>();
        for (Map.Entry<String, Integer> e : recent.entrySet()) {
            int a = e.getValue();
            int b = baseline.getOrDefault(e.getKey(), 0);
            double recentRate = (double) a / recentItems;
            double baselineRate = (double) b / baselineItems;
            if (recentRate <= baselineRate) continue;
            double g2 = logLikelihood(a, b, recentItems, baselineItems);
            if (g2 < minScore) continue;
            double lift = recentRate / ((b + 0.5) / baselineItems);
            rising.add(new RisingTerm(e.getKey(), round(g2, 2), a, b, round(lift, 2)));
        }
        rising.sort(Comparator.comparingDouble(RisingTerm::score).reversed().thenComparing(RisingTerm::term));
        List<RisingTerm> kept = OverlappingTerms.prune(rising);
        return List.copyOf(kept.subList(0, Math.min(limit, kept.size())));
    }

    /** Dunning's G² for the 2×2 table: a of n1 recent items, b of n2 baseline items carry the phrase. */
    static double logLikelihood(long a, long b, long n1, long n2) {
        long c = n1 - a, d = n2 - b, n = n1 + n2;
        double e11 = (double) n1 * (a + b) / n, e12 = (double) n2 * (a + b) / n;
        double e21 = (double) n1 * (c + d) / n, e22 = (double) n2 * (c + d) / n;
        return 2 * (xlog(a, e11) + xlog(b, e12) + xlog(c, e21) + xlog(d, e22));
    }

    private static double xlog(long observed, double expected) {
        return observed == 0 ? 0 : observed * Math.log(observed / expected);
    }

    static double round(double value, int places) {
        double f = Math.pow(10, places);
        return Math.round(value * f) / f;
    }
}
