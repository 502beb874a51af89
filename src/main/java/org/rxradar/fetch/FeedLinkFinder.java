package org.rxradar.fetch;

import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** Finds the feeds an HTML page advertises with {@code <link rel="alternate">}. */
public final class FeedLinkFinder {
    private FeedLinkFinder() {}

    /** The absolute URLs of the RSS, Atom and JSON feeds {@code page} links as alternates, in page order. */
    public static List<String> find(Document page) {
        List<String> feeds = new ArrayList<>();
        for (Element link : page.select("link[rel~=(?i)alternate][href]")) {
            String type = link.attr("type").toLowerCase();
            if (type.contains("rss") || type.contains("atom") || type.contains("feed+json")) {
                String href = link.absUrl("href");
                feeds.add(href.isEmpty() ? link.attr("href") : href);
            }
        }
        return feeds;
    }

    static String suggestion(Document page) {
        List<String> feeds = find(page);
        return feeds.isEmpty() ? "" : "; the page offers a feed, configure it as an rss source instead: " + String.join(", ", feeds);
    }
}
