package org.rxradar.trend;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.rxradar.model.Taxonomy;

/**
 * Trends over the {@link #days} from {@link #from} to {@link #to} (UTC, inclusive): what the
 * renderers show. Settings, topics and certifications follow the taxonomy's order; states are by
 * count, most first. Shares are of relevant leads; pay is the median advertised hourly pay.
 *
 * @param leadsBySettingPerDay per setting, the relevant leads of each day, aligned with {@link #days}
 */
public record TrendReport(
        LocalDate from,
        LocalDate to,
        List<LocalDate> days,
        int relevantLeads,
        Map<String, List<Integer>> leadsBySettingPerDay,
        Map<String, Integer> leadsBySetting,
        Map<String, Integer> leadsByState,
        Map<String, Pay> payBySetting,
        int leadsAskingCertification,
        double certificationShare,
        Map<String, Share> certifications,
        int newsItems,
        Map<String, Integer> newsByTopic,
        List<RisingTerm> risingTerms) {

    public static final int DEFAULT_DAYS = 28;

    /** Median advertised hourly pay of the leads that stated pay. */
    public record Pay(double medianHourly, int leadsWithPay) {}

    /** Relevant leads asking for a certification, and their share of all relevant leads. */
    public record Share(int leads, double share) {}

    /** Builds the report from the days of the window (missing days count as empty). */
    static TrendReport of(Map<LocalDate, DailyStats> stats, LocalDate to, int dayCount, List<RisingTerm> rising) {
        if (dayCount < 1) throw new IllegalArgumentException("days must be at least 1, got " + dayCount);
        LocalDate from = to.minusDays(dayCount - 1L);
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) days.add(d);

        int leads = 0, asking = 0, news = 0;
        Map<String, int[]> perDay = new TreeMap<>();
        Map<String, Integer> byState = new TreeMap<>(), certs = new TreeMap<>(), topics = new TreeMap<>();
        Map<String, List<Double>> pay = new TreeMap<>();
        for (int i = 0; i < days.size(); i++) {
            DailyStats s = stats.get(days.get(i));
            if (s == null) continue;
            leads += s.relevantLeads();
            asking += s.leadsAskingCertification();
            news += s.newsItems();
            final int index = i;
            s.leadsBySetting().forEach((k, n) -> perDay.computeIfAbsent(k, x -> new int[days.size()])[index] += n);
            s.leadsByState().forEach((k, n) -> byState.merge(k, n, Integer::sum));
            s.certifications().forEach((k, n) -> certs.merge(k, n, Integer::sum));
            s.newsByTopic().forEach((k, n) -> topics.merge(k, n, Integer::sum));
            s.hourlyPayBySetting().forEach((k, v) -> pay.computeIfAbsent(k, x -> new ArrayList<>()).addAll(v));
        }

        Map<String, List<Integer>> settingSeries = new LinkedHashMap<>();
        Map<String, Integer> settingTotals = new LinkedHashMap<>();
        for (String setting : inOrder(perDay.keySet(), Taxonomy.SETTINGS)) {
            int[] counts = perDay.get(setting);
            settingSeries.put(setting, java.util.Arrays.stream(counts).boxed().toList());
            settingTotals.put(setting, java.util.Arrays.stream(counts).sum());
        }
        Map<String, Pay> payBySetting = new LinkedHashMap<>();
        for (String setting : inOrder(pay.keySet(), Taxonomy.SETTINGS)) {
            List<Double> values = pay.get(setting);
            payBySetting.put(setting, new Pay(RisingTerms.round(Median.of(values), 2), values.size()));
        }
        Map<String, Share> certShares = new LinkedHashMap<>();
        for (String id : inOrder(certs.keySet(), Taxonomy.CERTIFICATIONS)) {
            certShares.put(id, new Share(certs.get(id), share(certs.get(id), leads)));
        }
        Map<String, Integer> topicCounts = new LinkedHashMap<>();
        for (String topic : inOrder(topics.keySet(), Taxonomy.TOPICS)) topicCounts.put(topic, topics.get(topic));
        Map<String, Integer> states = new LinkedHashMap<>();
        byState.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> states.put(e.getKey(), e.getValue()));

        return new TrendReport(from, to, List.copyOf(days), leads, settingSeries, settingTotals, states, payBySetting,
                asking, share(asking, leads), certShares, news, topicCounts, List.copyOf(rising));
    }

    private static double share(int part, int whole) {
        return whole == 0 ? 0 : RisingTerms.round((double) part / whole, 4);
    }

    /** The keys in the taxonomy's order, then any others (from a newer tagger) alphabetically. */
    private static List<String> inOrder(java.util.Set<String> keys, List<String> order) {
        List<String> out = new ArrayList<>();
        for (String id : order) if (keys.contains(id)) out.add(id);
        keys.stream().filter(k -> !order.contains(k)).sorted().forEach(out::add);
        return out;
    }
}
