package org.rxradar.feeds;

import java.util.ArrayList;
import java.util.List;
import org.rxradar.model.Taxonomy;

/** Every feed the server offers, grouped for the OPML list and the home page. */
public final class FeedCatalog {
    /** @param facet "settings", "topics" or "all"; {@code id} the tag id, or the feed's name for "all" */
    public record Feed(String facet, String id, String title, String path) {}

    private FeedCatalog() {}

    public static List<Feed> feeds(FeedFormat format) {
        String ext = "." + format.extension();
        List<Feed> out = new ArrayList<>();
        out.add(new Feed("all", "jobs", "RxRadar: job leads", "/feeds/jobs" + ext));
        out.add(new Feed("all", "news", "RxRadar: news", "/feeds/news" + ext));
        out.add(new Feed("all", "all", "RxRadar: job leads and news", "/feeds/all" + ext));
        for (String s : Taxonomy.SETTINGS) out.add(new Feed("settings", s, "RxRadar: " + s + " pharmacy", "/feeds/settings/" + s + ext));
        for (String t : Taxonomy.TOPICS) out.add(new Feed("topics", t, "RxRadar: " + t, "/feeds/topics/" + t + ext));
        return out;
    }
}
