package org.rxradar.trend;

import org.rxradar.text.Html;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.rxradar.model.Labels;

/**
 * The "Trends this week" section of the weekly digest, as an HTML fragment and as plain text.
 * Email clients strip SVG and block remote images, so the bars here are table cells with a
 * background colour and a width: they show in every client without an attachment.
 * The report should cover at least 14 days; the last 7 are compared with the 7 before.
 */
public final class TrendDigestSection {
    private static final int MAX_TERMS = 5;
    private static final int BAR_PX = 160;
    private static final int MAX_CERTIFICATIONS = 3;

    private TrendDigestSection() {}

    /** One line per setting: leads in the last 7 days and the 7 before. */
    public record WeekOnWeek(String setting, int thisWeek, int lastWeek) {}

    public static List<WeekOnWeek> weekOnWeek(TrendReport report) {
        List<WeekOnWeek> rows = new ArrayList<>();
        for (Map.Entry<String, List<Integer>> e : report.leadsBySettingPerDay().entrySet()) {
            List<Integer> days = e.getValue();
            int n = days.size();
            int thisWeek = sum(days, Math.max(0, n - 7), n), lastWeek = sum(days, Math.max(0, n - 14), Math.max(0, n - 7));
            if (thisWeek + lastWeek > 0) rows.add(new WeekOnWeek(e.getKey(), thisWeek, lastWeek));
        }
        rows.sort((a, b) -> Integer.compare(b.thisWeek(), a.thisWeek()));
        return rows;
    }

    public static String html(TrendReport report) {
        StringBuilder h = new StringBuilder(4096).append("<h2>Trends this week</h2>");
        List<WeekOnWeek> rows = weekOnWeek(report);
        int max = rows.stream().mapToInt(WeekOnWeek::thisWeek).max().orElse(0);
        if (!rows.isEmpty()) {
            h.append("<table cellpadding=\"3\" cellspacing=\"0\" style=\"border-collapse:collapse\">")
                    .append("<tr><th align=\"left\">Setting</th><th align=\"left\">Job leads, last 7 days</th><th align=\"right\">Week before</th><th align=\"right\">Median pay</th></tr>");
            for (WeekOnWeek r : rows) {
                int width = max == 0 ? 0 : Math.max(1, BAR_PX * r.thisWeek() / max);
                TrendReport.Pay pay = report.payBySetting().get(r.setting());
                h.append("<tr><td>").append(Html.escape(Labels.of(r.setting()))).append("</td><td><span style=\"display:inline-block;background:#0072B2;height:10px;width:")
                        .append(width).append("px\"></span> ").append(r.thisWeek()).append("</td><td align=\"right\">").append(r.lastWeek())
                        .append("</td><td align=\"right\">").append(pay == null ? "" : Html.escape(TrendHtml.dollars(pay.medianHourly()))).append("</td></tr>");
            }
            h.append("</table>");
        }
        List<RisingTerm> terms = report.risingTerms().stream().limit(MAX_TERMS).toList();
        if (!terms.isEmpty()) {
            h.append("<p>Talked about more than usual: ");
            for (int i = 0; i < terms.size(); i++) {
                if (i > 0) h.append(", ");
                h.append("<b>").append(Html.escape(terms.get(i).term())).append("</b> (").append(terms.get(i).recentCount()).append(')');
            }
            h.append(".</p>");
        }
        h.append("<p>").append(TrendHtml.percent(report.certificationShare())).append(" of leads ask for a certification")
                .append(Html.escape(mostAsked(report))).append(".</p>");
        return h.toString();
    }

    public static String text(TrendReport report) {
        StringBuilder t = new StringBuilder("TRENDS THIS WEEK\n\n");
        for (WeekOnWeek r : weekOnWeek(report)) {
            TrendReport.Pay pay = report.payBySetting().get(r.setting());
            t.append(String.format(Locale.ROOT, "  %-16s %4d leads (week before %d)%s%n", clean(Labels.of(r.setting())), r.thisWeek(), r.lastWeek(),
                    pay == null ? "" : ", median " + TrendHtml.dollars(pay.medianHourly())));
        }
        List<RisingTerm> terms = report.risingTerms().stream().limit(MAX_TERMS).toList();
        if (!terms.isEmpty()) {
            t.append("\n  Talked about more than usual: ");
            for (int i = 0; i < terms.size(); i++) t.append(i == 0 ? "" : ", ").append(clean(terms.get(i).term()));
            t.append('\n');
        }
        t.append("\n  ").append(TrendHtml.percent(report.certificationShare())).append(" of leads ask for a certification")
                .append(clean(mostAsked(report))).append(".\n");
        return t.toString();
    }

    /**
     * ": most often State license (40%), PTCB CPhT or NHA ExCPT (25%)": the certifications most
     * asked for, by label; an either/or requirement is its own entry, so no board is claimed for
     * leads that accept either.
     */
    static String mostAsked(TrendReport report) {
        List<String> top = report.certifications().entrySet().stream()
                .sorted(Map.Entry.<String, TrendReport.Share>comparingByValue(java.util.Comparator.comparingInt(TrendReport.Share::leads).reversed()))
                .limit(MAX_CERTIFICATIONS)
                .map(e -> Labels.of(e.getKey()) + " (" + TrendHtml.percent(e.getValue().share()) + ")")
                .toList();
        return top.isEmpty() ? "" : ": most often " + String.join(", ", top);
    }

    private static int sum(List<Integer> values, int from, int to) {
        int s = 0;
        for (int i = from; i < to; i++) s += values.get(i);
        return s;
    }

    private static String clean(String text) {
        return text.replaceAll("\\p{Cntrl}", "?");
    }
}
