package org.rxradar.trend;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.rxradar.model.Labels;

/**
 * The plain-text form of a {@link TrendReport} for the {@code trends} command: leads per setting
 * by week (a day per column would not fit a terminal), pay, certifications, news, rising terms.
 */
public final class TrendTable {
    private static final int MAX_STATES = 10;

    private TrendTable() {}

    public static String render(TrendReport r) {
        StringBuilder out = new StringBuilder();
        out.append("Trends ").append(r.from()).append(" to ").append(r.to()).append(" (").append(r.days().size())
                .append(" days): ").append(r.relevantLeads()).append(" job leads, ").append(r.newsItems()).append(" news items\n\n");

        List<int[]> weeks = weeks(r.days().size());
        List<String> head = new ArrayList<>(List.of("Leads per setting"));
        for (int[] w : weeks) head.add(r.days().get(w[0]).toString().substring(5) + ".." + r.days().get(w[1]).toString().substring(5));
        head.add("Total");
        List<List<String>> settings = new ArrayList<>();
        r.leadsBySettingPerDay().forEach((setting, perDay) -> {
            List<String> row = new ArrayList<>(List.of(Labels.of(setting)));
            for (int[] w : weeks) row.add(Integer.toString(perDay.subList(w[0], w[1] + 1).stream().mapToInt(Integer::intValue).sum()));
            row.add(Integer.toString(r.leadsBySetting().get(setting)));
            settings.add(row);
        });
        table(out, head, settings);

        List<List<String>> pay = new ArrayList<>();
        for (Map.Entry<String, TrendReport.Pay> e : r.payBySetting().entrySet()) {
            pay.add(List.of(Labels.of(e.getKey()), TrendHtml.dollars(e.getValue().medianHourly()), Integer.toString(e.getValue().leadsWithPay())));
        }
        table(out, List.of("Median pay per setting", "Per hour", "Leads"), pay);

        List<List<String>> certs = new ArrayList<>();
        certs.add(List.of("any", Integer.toString(r.leadsAskingCertification()), TrendHtml.percent(r.certificationShare())));
        r.certifications().forEach((id, s) -> certs.add(List.of(Labels.of(id), Integer.toString(s.leads()), TrendHtml.percent(s.share()))));
        table(out, List.of("Certifications asked", "Leads", "Share"), certs);

        List<List<String>> news = new ArrayList<>();
        for (Map.Entry<String, Integer> e : r.newsByTopic().entrySet()) news.add(List.of(Labels.of(e.getKey()), e.getValue().toString()));
        table(out, List.of("News per topic", "Items"), news);

        List<List<String>> states = new ArrayList<>();
        r.leadsByState().entrySet().stream().limit(MAX_STATES).forEach(e -> states.add(List.of(e.getKey(), e.getValue().toString())));
        table(out, List.of("Top states", "Leads"), states);

        List<List<String>> terms = new ArrayList<>();
        for (RisingTerm t : r.risingTerms()) {
            terms.add(List.of(t.term(), Integer.toString(t.recentCount()), Integer.toString(t.baselineCount()),
                    String.format(Locale.ROOT, "%.1f", t.score())));
        }
        table(out, List.of("Rising terms", "Last 7d", "28d before", "Score"), terms);
        return out.toString();
    }

    /** Index ranges of weeks ending on the last day; the first may be shorter. */
    private static List<int[]> weeks(int days) {
        List<int[]> weeks = new ArrayList<>();
        for (int end = days - 1; end >= 0; end -= 7) weeks.add(0, new int[] {Math.max(0, end - 6), end});
        return weeks;
    }

    private static void table(StringBuilder out, List<String> head, List<List<String>> rows) {
        if (rows.isEmpty()) {
            out.append(head.get(0)).append(": none\n\n");
            return;
        }
        int[] width = new int[head.size()];
        for (int i = 0; i < head.size(); i++) width[i] = head.get(i).length();
        for (List<String> row : rows) for (int i = 0; i < row.size(); i++) width[i] = Math.max(width[i], clean(row.get(i)).length());
        line(out, head, width);
        StringBuilder rule = new StringBuilder();
        for (int i = 0; i < width.length; i++) rule.append(i == 0 ? "" : "  ").append("-".repeat(width[i]));
        out.append(rule).append('\n');
        for (List<String> row : rows) line(out, row, width);
        out.append('\n');
    }

    private static void line(StringBuilder out, List<String> cells, int[] width) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            String cell = clean(cells.get(i));
            if (i > 0) line.append("  ");
            // first column is a name (left-aligned), the rest are numbers (right-aligned)
            line.append(i == 0 ? cell + " ".repeat(width[i] - cell.length()) : " ".repeat(width[i] - cell.length()) + cell);
        }
        out.append(line.toString().stripTrailing()).append('\n');
    }

    /** Control characters in outside text (a state, an id) must not move the terminal's cursor. */
    private static String clean(String text) {
        return text == null ? "" : text.replaceAll("\\p{Cntrl}", "?");
    }
}
