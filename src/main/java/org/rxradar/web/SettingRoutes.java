package org.rxradar.web;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.rxradar.view.ViewQuery;
import org.rxradar.view.FeedView;
import org.rxradar.model.Kind;
import org.rxradar.model.Labels;
import org.rxradar.model.Taxonomy;
import org.rxradar.trend.TrendReport;
import org.rxradar.trend.TrendStore;
import org.rxradar.web.page.LeadCards;
import org.rxradar.web.page.PageTemplates;
import org.rxradar.config.SourceNames;
import org.rxradar.web.http.Exchange;
import org.rxradar.web.http.Router;
import org.rxradar.web.server.HttpApi;

/**
 * The career pages per pharmacy setting: {@code /settings} (every setting with its leads and median
 * pay) and {@code /settings/{id}} (current leads, pay and its spread with the sample size,
 * certifications, shifts, top employers and states, the 28-day trend figures, recent news); an
 * unknown id gets a 404 page listing the settings (not cached). Read-only: GET and HEAD.
 */
public final class SettingRoutes {
    private static final String CACHE_CONTROL = "public, max-age=60";
    private static final int LEADS_SHOWN = 8;
    private static final int NEWS_SHOWN = 5;

    private final FeedView view;
    private final TrendStore trends;
    private final Clock clock;
    private final LeadCards cards;

    public SettingRoutes(FeedView view, TrendStore trends, SourceNames sources, Clock clock) {
        this.view = view;
        this.trends = trends;
        this.clock = clock;
        this.cards = new LeadCards(sources, ZoneOffset.UTC);
    }

    public void installOn(HttpApi http) {
        Router router = http.routes();
        router.get("/settings", this::index);
        router.get("/settings/", this::index);
        router.get("/settings/{id}", this::setting);
        router.notFoundHint("/settings", "Try /settings for every pharmacy setting");
    }

    /** A setting in the index. */
    public record SettingLink(String id, String label, int leads, String medianPay, int payN) {}

    private void index(Exchange ex) throws IOException {
        ex.send(200, Exchange.HTML, CACHE_CONTROL, PageTemplates.renderBytes("settings", "settings", Map.of("settings", index(report()))));
    }

    private void setting(Exchange ex) throws IOException {
        String id = ex.param("id");
        TrendReport report = report();
        if (!Taxonomy.isSetting(id)) {
            Map<String, Object> c = new HashMap<>();
            c.put("settings", index(report));
            c.put("title", "No such setting");
            c.put("message", "There is no pharmacy setting '" + (id.length() > 60 ? id.substring(0, 60) + "…" : id) + "'. These are the settings:");
            ex.send(404, Exchange.HTML, Exchange.NO_STORE, PageTemplates.renderBytes("settings", "settings", c));
            return;
        }
        ex.send(200, Exchange.HTML, CACHE_CONTROL, PageTemplates.renderBytes("setting", "settings", setting(id, report)));
    }

    private TrendReport report() {
        return trends.report(LocalDate.now(clock.withZone(ZoneOffset.UTC)), TrendReport.DEFAULT_DAYS);
    }

    private List<SettingLink> index(TrendReport report) {
        List<SettingLink> out = new ArrayList<>();
        for (String id : Taxonomy.SETTINGS) {
            TrendReport.Pay pay = report.payBySetting().get(id);
            // job leads only (the feed counts include the setting's news), as the setting page counts them
            int leads = view.query(ViewQuery.all().withKind(Kind.JOB).withSettings(List.of(id)).withLimit(ViewQuery.MAX_LIMIT)).items().size();
            out.add(new SettingLink(id, Labels.of(id), leads,
                    pay == null ? "" : SettingProfile.dollars(pay.medianHourly()), pay == null ? 0 : pay.leadsWithPay()));
        }
        return out;
    }

    private Map<String, Object> setting(String id, TrendReport report) {
        var leads = view.query(ViewQuery.all().withKind(Kind.JOB).withSettings(List.of(id)).withLimit(ViewQuery.MAX_LIMIT)).items();
        var news = view.query(ViewQuery.all().withKind(Kind.NEWS).withSettings(List.of(id)).withLimit(NEWS_SHOWN)).items();
        Map<String, Object> c = new HashMap<>();
        c.put("id", id);
        c.put("label", Labels.of(id));
        c.put("profile", SettingProfile.of(leads));
        c.put("entries", cards.of(leads.subList(0, Math.min(LEADS_SHOWN, leads.size()))));
        c.put("news", cards.of(news));
        TrendReport.Pay pay = report.payBySetting().get(id);
        c.put("trendLeads", report.leadsBySetting().getOrDefault(id, 0));
        c.put("trendPay", pay == null ? "" : SettingProfile.dollars(pay.medianHourly()));
        c.put("trendPayN", pay == null ? 0 : pay.leadsWithPay());
        c.put("trendDays", report.days().size());
        return c;
    }
}
