package org.rxradar.trend;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.rxradar.model.Labels;
import org.rxradar.web.page.PageTemplates;

/**
 * The {@code /trends.html} page ({@code web/trends.peb}): server-rendered, no scripts, charts as
 * inline SVG ({@link TrendCharts}), each downloadable. Written as well-formed XML (XHTML syntax of
 * HTML5) so it can be checked with any XML parser. Every text is escaped by the template; labels,
 * never ids, are shown.
 */
public final class TrendHtml {
    private static final int MAX_STATES = 15;

    private TrendHtml() {}

    /** A row of a two- or three-column table (for settings, {@code extra} is the setting page's path). */
    public record Row(String label, String value, String extra) {}

    public static String render(TrendReport r) {
        Map<String, Object> c = new HashMap<>();
        c.put("from", r.from().toString());
        c.put("to", r.to().toString());
        c.put("leads", r.relevantLeads());
        c.put("news", r.newsItems());
        c.put("dayCount", r.days().size());
        c.put("charts", TrendCharts.of(r));
        List<Row> bySetting = new ArrayList<>();
        r.leadsBySetting().forEach((k, n) -> bySetting.add(new Row(Labels.of(k), n.toString(), org.rxradar.model.Taxonomy.isSetting(k) ? "/settings/" + k : "")));
        c.put("leadsBySetting", bySetting);
        List<Row> pay = new ArrayList<>();
        r.payBySetting().forEach((k, p) -> pay.add(new Row(Labels.of(k), dollars(p.medianHourly()), Integer.toString(p.leadsWithPay()))));
        c.put("pay", pay);
        c.put("certificationShare", percent(r.certificationShare()));
        List<Row> certs = new ArrayList<>();
        r.certifications().forEach((k, s) -> certs.add(new Row(Labels.of(k), Integer.toString(s.leads()), percent(s.share()))));
        c.put("certifications", certs);
        c.put("topics", rows(r.newsByTopic()));
        c.put("terms", r.risingTerms());
        List<Row> states = new ArrayList<>();
        r.leadsByState().entrySet().stream().limit(MAX_STATES).forEach(e -> states.add(new Row(e.getKey(), e.getValue().toString(), "")));
        c.put("states", states);
        return PageTemplates.render("trends", "trends", c);
    }

    private static List<Row> rows(Map<String, Integer> counts) {
        List<Row> out = new ArrayList<>();
        counts.forEach((k, n) -> out.add(new Row(Labels.of(k), n.toString(), "")));
        return out;
    }

    static String dollars(double hourly) {
        return String.format(Locale.ROOT, "$%.2f/h", hourly);
    }

    static String percent(double share) {
        return String.format(Locale.ROOT, "%.1f%%", share * 100);
    }

    /** A rising term's score with one decimal, for the table. */
    public static String score(double score) {
        return String.format(Locale.ROOT, "%.1f", score);
    }
}
