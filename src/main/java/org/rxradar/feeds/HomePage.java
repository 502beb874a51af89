package org.rxradar.feeds;

import org.rxradar.view.ViewResult;
import org.rxradar.view.FeedView;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.rxradar.model.Kind;
import org.rxradar.model.Labels;
import org.rxradar.model.Taxonomy;
import org.rxradar.web.page.LeadCards;
import org.rxradar.web.page.Option;
import org.rxradar.web.page.PageTemplates;
import org.rxradar.config.SourceNames;

/**
 * The front page for a job seeker ({@code web/home.peb}): the latest leads first, listed as in the
 * digest; the filters as a GET form (a filtered view is a URL to share), with "subscribe to this"
 * as a digest or a feed; then every feed and the OPML list in a compact section.
 */
final class HomePage {
    private HomePage() {}

    /** A feed of the compact list. */
    public record FeedLink(String label, String path, int count) {}

    static byte[] render(FeedView view, String rawQuery, SourceNames sources) {
        FrontPageFilter f = FrontPageFilter.parse(rawQuery);
        ViewResult result = view.query(f.query());
        Map<String, Object> c = new HashMap<>();
        c.put("entries", new LeadCards(sources, ZoneOffset.UTC).of(result.items()));
        c.put("heading", f.describe());
        c.put("filtered", f.isFiltered());
        c.put("problems", f.problems());
        c.put("jobCount", view.count(Kind.JOB));
        c.put("newsCount", view.count(Kind.NEWS));
        c.put("kinds", List.of(new Option("job", "Job leads", f.kind().equals("job")), new Option("news", "News", f.kind().equals("news")),
                new Option("all", "Both", f.kind().equals("all"))));
        c.put("settings", Option.labelled(Taxonomy.SETTINGS, Set.of(f.setting())));
        c.put("topics", Option.labelled(Taxonomy.TOPICS, Set.of(f.topic())));
        c.put("states", Option.plain(FrontPageFilter.STATES, Set.of(f.state())));
        c.put("minPay", f.leads().minPay() == null ? "" : org.rxradar.filter.LeadFilterParams.number(f.leads().minPay()));
        c.put("onlyPaid", !f.leads().includeUnpaid());
        c.put("near", f.leads().near() == null ? "" : f.leads().near());
        c.put("radius", f.leads().near() == null ? "" : String.valueOf(f.leads().radius()));
        c.put("remote", f.leads().remote());
        c.put("feedUrl", f.feedUrl());
        c.put("subscribeUrl", f.subscribeUrl());
        c.put("settingFeeds", feeds("settings", view.countsBySetting()));
        c.put("topicFeeds", feeds("topics", view.countsByTopic()));
        c.put("settingPage", f.setting().isEmpty() ? "" : "/settings/" + f.setting());
        return PageTemplates.render("home", "leads", c).getBytes(StandardCharsets.UTF_8);
    }

    private static List<FeedLink> feeds(String facet, Map<String, Integer> counts) {
        List<FeedLink> out = new ArrayList<>();
        counts.forEach((id, n) -> out.add(new FeedLink(Labels.of(id), "/feeds/" + facet + "/" + id, n)));
        return out;
    }
}
