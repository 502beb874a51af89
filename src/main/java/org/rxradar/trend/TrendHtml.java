package org.rxradar.trend;

import org.rxradar.text.Html;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code /trends.html} page: server-rendered, no scripts, charts as inline SVG ({@link SvgCharts}).
 * Written as well-formed XML (XHTML syntax of HTML5) so it can be checked with any XML parser and
 * embedded in an email. Every piece of text is escaped.
 */
public final class TrendHtml {
    private static final int MAX_STATES = 15;

    private TrendHtml() {}

    public static String render(TrendReport r) {
        StringBuilder h = new StringBuilder(32_768);
        String title = "RxRadar trends, " + r.from() + " to " + r.to();
        h.append("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\"><head><meta charset=\"utf-8\"/>")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/><title>").append(e(title)).append("</title>")
                .append("<style>body{font-family:Helvetica,Arial,sans-serif;max-width:800px;margin:1em auto;padding:0 1em;color:#222}")
                .append("table{border-collapse:collapse;margin:.5em 0 1.5em}td,th{border-bottom:1px solid #ddd;padding:.2em .6em;text-align:left}")
                .append("td.n{text-align:right}svg{max-width:100%;height:auto}</style></head><body>");
        h.append("<h1>").append(e(title)).append("</h1>");
        h.append("<p>").append(r.relevantLeads()).append(" pharmacy-technician job leads and ").append(r.newsItems())
                .append(" news items over ").append(r.days().size()).append(" days.</p>");

        h.append("<h2>Job leads per setting</h2>");
        if (r.leadsBySetting().isEmpty()) h.append("<p>No job leads in this period.</p>");
        else {
            h.append(SvgCharts.lineChart("Job leads per setting per day", r.days(), r.leadsBySettingPerDay()));
            table(h, List.of("Setting", "Leads"), r.leadsBySetting(), Object::toString);
        }

        h.append("<h2>Advertised pay per setting</h2>");
        if (r.payBySetting().isEmpty()) h.append("<p>No lead in this period stated its pay.</p>");
        else {
            Map<String, Double> medians = new LinkedHashMap<>();
            r.payBySetting().forEach((k, p) -> medians.put(k, p.medianHourly()));
            h.append(SvgCharts.barChart("Median advertised hourly pay", medians, TrendHtml::dollars));
            h.append("<table><tr><th>Setting</th><th>Median per hour</th><th>Leads stating pay</th></tr>");
            r.payBySetting().forEach((k, p) -> h.append("<tr><td>").append(e(k)).append("</td><td class=\"n\">")
                    .append(e(dollars(p.medianHourly()))).append("</td><td class=\"n\">").append(p.leadsWithPay()).append("</td></tr>"));
            h.append("</table><p>Annual pay is converted at ").append(String.format(java.util.Locale.US, "%,d", org.rxradar.model.HourlyPay.HOURS_PER_YEAR)).append(" hours.</p>");
        }

        h.append("<h2>Certifications asked for</h2><p>").append(percent(r.certificationShare()))
                .append(" of leads ask for at least one certification.</p>");
        Map<String, String> certs = new LinkedHashMap<>();
        r.certifications().forEach((k, s) -> certs.put(k, s.leads() + " (" + percent(s.share()) + ")"));
        if (!certs.isEmpty()) table(h, List.of("Certification", "Leads"), certs, Object::toString);

        h.append("<h2>News per topic</h2>");
        if (r.newsByTopic().isEmpty()) h.append("<p>No news in this period.</p>");
        else table(h, List.of("Topic", "Items"), r.newsByTopic(), Object::toString);

        h.append("<h2>Rising terms</h2>");
        if (r.risingTerms().isEmpty()) h.append("<p>Nothing stands out this week.</p>");
        else {
            h.append("<table><tr><th>Term</th><th>Last 7 days</th><th>28 days before</th><th>Score</th></tr>");
            for (RisingTerm t : r.risingTerms()) {
                h.append("<tr><td>").append(e(t.term())).append("</td><td class=\"n\">").append(t.recentCount())
                        .append("</td><td class=\"n\">").append(t.baselineCount()).append("</td><td class=\"n\">")
                        .append(String.format(Locale.ROOT, "%.1f", t.score())).append("</td></tr>");
            }
            h.append("</table>");
        }

        h.append("<h2>Leads per state</h2>");
        Map<String, Integer> states = new LinkedHashMap<>();
        r.leadsByState().entrySet().stream().limit(MAX_STATES).forEach(x -> states.put(x.getKey(), x.getValue()));
        if (states.isEmpty()) h.append("<p>No lead named its state.</p>");
        else table(h, List.of("State", "Leads"), states, Object::toString);

        return h.append("</body></html>\n").toString();
    }

    private static <V> void table(StringBuilder h, List<String> heads, Map<String, V> rows, java.util.function.Function<V, String> cell) {
        h.append("<table><tr><th>").append(e(heads.get(0))).append("</th><th>").append(e(heads.get(1))).append("</th></tr>");
        rows.forEach((k, v) -> h.append("<tr><td>").append(e(k)).append("</td><td class=\"n\">").append(e(cell.apply(v))).append("</td></tr>"));
        h.append("</table>");
    }

    static String dollars(double hourly) {
        return String.format(Locale.ROOT, "$%.2f/h", hourly);
    }

    static String percent(double share) {
        return String.format(Locale.ROOT, "%.1f%%", share * 100);
    }

    private static String e(String text) {
        return Html.escape(text);
    }
}
