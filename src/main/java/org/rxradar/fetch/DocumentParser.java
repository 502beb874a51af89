package org.rxradar.fetch;

import java.net.URI;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import org.rxradar.model.Item;
import org.rxradar.model.Kind;

/** Picks the parser for a source type: rss (any feed format), web (career page) or auto (sniffed). */
public final class DocumentParser {
    private final FeedParser feeds = new FeedParser();
    private final PageParser pages = new PageParser();
    private final PageFollower follower = new PageFollower();

    /**
     * As {@link #parse(String, FetchResponse, String, Kind, Map, Instant)}, and for web sources with
     * {@code next}/{@code detail} selectors fetches further pages through {@code more}; detail pages
     * only for items {@code seen} does not know (new, or changed on the listing).
     */
    public ParsedItems parse(String type, FetchResponse response, String sourceId, Kind kind, Map<String, String> selectors,
                             Instant fetched, Predicate<Item> seen, PageFollower.Fetch more) throws FetchException {
        String t = type == null || type.equalsIgnoreCase("auto") ? sniff(response.body(), response.contentType(), selectors) : type;
        if (t.equalsIgnoreCase("web") && PageFollower.wanted(selectors)) {
            return follower.read(response, selectors, sourceId, kind, fetched, seen, more);
        }
        return parse(t, response, sourceId, kind, selectors, fetched);
    }

    public ParsedItems parse(String type, FetchResponse response, String sourceId, Kind kind,
                             Map<String, String> selectors, Instant fetched) throws FetchException {
        byte[] body = response.body();
        URI url = response.finalUrl();
        String t = type == null ? "auto" : type.toLowerCase(Locale.ROOT);
        if (t.equals("auto")) t = sniff(body, response.contentType(), selectors);
        return switch (t) {
            case "rss", "feed", "atom", "json" -> feeds.parse(body, response.contentType(), url, sourceId, kind, fetched);
            case "web", "html", "page" -> pages.parse(body, response.contentType(), url, sourceId, kind, selectors, fetched);
            default -> throw new FetchException("unknown source type '" + type + "' (expected rss, web or auto)");
        };
    }

    static String sniff(byte[] body, String contentType, Map<String, String> selectors) {
        if (!selectors.isEmpty()) return "web";
        String head = FeedParser.head(body == null ? new byte[0] : body);
        if (FeedParser.looksLikeHtml(head)) return "web";
        if (head.startsWith("<") || head.startsWith("{")) return "rss";
        String ct = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        return ct.contains("html") ? "web" : "rss";
    }
}
