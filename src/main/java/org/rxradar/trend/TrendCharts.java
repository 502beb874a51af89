package org.rxradar.trend;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.rxradar.model.Labels;

/**
 * The charts of the trends page, each with a sentence saying how to read it and a stable name
 * under which its SVG is served ({@code /trends/<name>.svg}) for download.
 *
 * <p>Leads per setting are drawn per week when the days are sparse (more than 14 days with, on
 * average, fewer than 3 leads a day or most days empty): 28 spiky days of 0–3 leads say less than
 * four weekly points. At most {@link #MAX_SERIES} settings get a line (the busiest); the rest are
 * summed as "Other settings", so colours and dashes stay distinguishable.
 */
public final class TrendCharts {
    static final int MAX_SERIES = 5;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MMM d", Locale.ENGLISH);

    private TrendCharts() {}

    /** A chart: its download name ({@code leads}, {@code pay}), the inline SVG and how to read it. */
    public record Chart(String name, String title, String svg, String explanation) {
        public String downloadPath() {
            return "/trends/" + name + ".svg";
        }
    }

    /** The charts the report has data for, in page order. */
    public static List<Chart> of(TrendReport r) {
        List<Chart> charts = new ArrayList<>();
        if (!r.leadsBySetting().isEmpty()) charts.add(leads(r));
        if (!r.payBySetting().isEmpty()) charts.add(pay(r));
        return charts;
    }

    /** The chart of that name, when the report has one. */
    public static java.util.Optional<Chart> named(TrendReport r, String name) {
        return of(r).stream().filter(c -> c.name().equals(name)).findFirst();
    }

    static boolean weekly(TrendReport r) {
        int n = r.days().size();
        if (n <= 14) return false;
        int[] totals = new int[n];
        r.leadsBySettingPerDay().values().forEach(v -> {
            for (int i = 0; i < Math.min(n, v.size()); i++) totals[i] += v.get(i);
        });
        long empty = java.util.Arrays.stream(totals).filter(t -> t == 0).count();
        double perDay = java.util.Arrays.stream(totals).sum() / (double) n;
        return perDay < 3 || empty * 2 > n;
    }

    static Chart leads(TrendReport r) {
        boolean weekly = weekly(r);
        List<String> labels = new ArrayList<>();
        List<int[]> buckets = new ArrayList<>(); // [from, to) day indexes, the last bucket ending today
        int n = r.days().size();
        if (weekly) {
            for (int end = n; end > 0; end -= 7) buckets.add(0, new int[] {Math.max(0, end - 7), end});
            for (int[] b : buckets) labels.add("to " + DAY.format(r.days().get(b[1] - 1)));
        } else {
            for (int i = 0; i < n; i++) {
                buckets.add(new int[] {i, i + 1});
                labels.add((n - 1 - i) % 7 == 0 ? DAY.format(r.days().get(i)) : "");
            }
        }
        List<String> busiest = r.leadsBySetting().entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder()))
                .map(Map.Entry::getKey).limit(MAX_SERIES).toList();
        boolean others = r.leadsBySetting().size() > busiest.size();
        Map<String, List<Integer>> series = new LinkedHashMap<>();
        int[] other = new int[buckets.size()];
        for (Map.Entry<String, List<Integer>> e : r.leadsBySettingPerDay().entrySet()) {
            int[] sums = new int[buckets.size()];
            for (int b = 0; b < buckets.size(); b++) {
                for (int i = buckets.get(b)[0]; i < buckets.get(b)[1] && i < e.getValue().size(); i++) sums[b] += e.getValue().get(i);
            }
            if (busiest.contains(e.getKey())) series.put(Labels.of(e.getKey()), java.util.Arrays.stream(sums).boxed().toList());
            else for (int b = 0; b < sums.length; b++) other[b] += sums[b];
        }
        if (others) series.put("Other settings", java.util.Arrays.stream(other).boxed().toList());
        String per = weekly ? "week" : "day";
        String title = "Job leads per setting per " + per;
        String explanation = weekly
                ? "Leads counted per week (each point is the 7 days up to its date), because most days had few leads; "
                + "a lead counts once for each setting it names." + (others ? " The " + MAX_SERIES + " busiest settings have a line each." : "")
                : "Leads counted per day; a lead counts once for each setting it names."
                + (others ? " The " + MAX_SERIES + " busiest settings have a line each." : "");
        return new Chart("leads", title, SvgCharts.lineChart(title, labels, series, weekly), explanation);
    }

    static Chart pay(TrendReport r) {
        Map<String, Double> medians = new LinkedHashMap<>();
        Map<String, String> texts = new LinkedHashMap<>();
        r.payBySetting().forEach((k, p) -> {
            medians.put(Labels.of(k), p.medianHourly());
            texts.put(Labels.of(k), TrendHtml.dollars(p.medianHourly()) + " (n=" + p.leadsWithPay() + ")");
        });
        String title = "Median advertised hourly pay";
        String explanation = "The middle of the pay the leads of each setting advertise, per hour (annual pay divided by 2,080 hours); "
                + "n is how many leads stated pay. A median of one or two leads is a hint, not a trend.";
        return new Chart("pay", title, SvgCharts.barChart(title, medians, texts), explanation);
    }
}
