package org.rxradar.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.rxradar.model.Certification;
import org.rxradar.model.Labels;
import org.rxradar.model.TaggedItem;
import org.rxradar.trend.Median;

/**
 * What a technician weighing a pharmacy setting wants to know, from that setting's current leads:
 * pay (median, the middle half, sample size), the certifications asked for (required or
 * preferred), shifts, kinds of employment, top employers and states. A pure function of the leads.
 *
 * @param leads      current leads of the setting
 * @param pay        null when no lead stated pay
 * @param certifications most asked first
 */
public record SettingProfile(int leads, Pay pay, List<Count> certifications, List<Count> shifts, List<Count> employment,
                             List<Count> employers, List<Count> states) {
    static final int TOP = 5;

    /** Advertised hourly pay: median, quartiles, range and how many leads stated it. */
    public record Pay(String median, String lowerQuartile, String upperQuartile, String lowest, String highest, int n) {}

    /**
     * A label with its count and share of the leads; for certifications also how many leads require it.
     *
     * @param percent share of the leads, 0–100, for a bar's width
     */
    public record Count(String label, int count, int required, int percent) {
        public int preferred() {
            return count - required;
        }
    }

    public static SettingProfile of(List<TaggedItem> leads) {
        List<Double> hourly = new ArrayList<>();
        Map<String, int[]> certs = new HashMap<>(); // id -> {leads asking, leads requiring}
        Map<String, Integer> shifts = new HashMap<>(), employment = new HashMap<>(), employers = new HashMap<>(), states = new HashMap<>();
        for (TaggedItem item : leads) {
            Double h = item.salary() == null ? null : item.salary().hourlyMidpoint();
            if (h != null && Double.isFinite(h) && h > 0) hourly.add(h);
            Map<String, Boolean> asked = new LinkedHashMap<>();
            for (Certification c : item.certifications()) {
                if (c == null || c.id() == null || c.id().isBlank()) continue;
                asked.merge(c.id(), c.required(), Boolean::logicalOr);
            }
            asked.forEach((id, required) -> {
                int[] n = certs.computeIfAbsent(id, k -> new int[2]);
                n[0]++;
                if (required) n[1]++;
            });
            for (String s : new java.util.LinkedHashSet<>(item.shift())) shifts.merge(Labels.of(s), 1, Integer::sum);
            if (item.employment() != null) employment.merge(Labels.of(item.employment()), 1, Integer::sum);
            if (item.employer() != null && !item.employer().isBlank()) employers.merge(item.employer().strip(), 1, Integer::sum);
            String state = item.location() == null ? null : item.location().state();
            if (state != null && !state.isBlank()) states.merge(state.strip().toUpperCase(Locale.ROOT), 1, Integer::sum);
        }
        int total = leads.size();
        List<Count> certCounts = new ArrayList<>();
        certs.forEach((id, n) -> certCounts.add(new Count(Labels.of(id), n[0], n[1], percent(n[0], total))));
        certCounts.sort(Comparator.comparingInt(Count::count).reversed().thenComparing(Count::label));
        return new SettingProfile(total, pay(hourly), certCounts, top(shifts, total, Integer.MAX_VALUE), top(employment, total, Integer.MAX_VALUE),
                top(employers, total, TOP), top(states, total, TOP));
    }

    private static Pay pay(List<Double> hourly) {
        if (hourly.isEmpty()) return null;
        List<Double> sorted = hourly.stream().sorted().toList();
        int n = sorted.size();
        List<Double> lower = sorted.subList(0, n / 2), upper = sorted.subList((n + 1) / 2, n);
        return new Pay(dollars(Median.of(sorted)), dollars(lower.isEmpty() ? sorted.get(0) : Median.of(lower)),
                dollars(upper.isEmpty() ? sorted.get(n - 1) : Median.of(upper)), dollars(sorted.get(0)), dollars(sorted.get(n - 1)), n);
    }

    private static List<Count> top(Map<String, Integer> counts, int total, int limit) {
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry.comparingByKey()))
                .limit(limit).map(e -> new Count(e.getKey(), e.getValue(), 0, percent(e.getValue(), total))).toList();
    }

    private static int percent(int part, int whole) {
        return whole == 0 ? 0 : (int) Math.round(100.0 * part / whole);
    }

    static String dollars(double hourly) {
        return String.format(Locale.ROOT, "$%.2f/hr", hourly);
    }
}
