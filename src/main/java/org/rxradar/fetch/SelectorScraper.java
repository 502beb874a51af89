package org.rxradar.fetch;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.jsoup.select.Selector;
import org.rxradar.model.Item;
import org.rxradar.model.Kind;

/**
 * Items from pages without structured data, by per-source CSS selectors: {@code item} (one
 * element per item, required), and inside it {@code title}, {@code link}, {@code date},
 * {@code summary}, {@code employer}, {@code location}. {@code next}, {@code max-pages} and
 * {@code detail} are handled by {@link PageFollower}.
 */
public final class SelectorScraper {
    public static final Set<String> KEYS = Set.of("item", "title", "link", "date", "summary", "employer", "location",
            "next", "max-pages", "detail");

    /** Rejects unknown keys and invalid CSS, so a typo is reported at configuration time. */
    public static void validate(Map<String, String> selectors) {
        for (Map.Entry<String, String> e : selectors.entrySet()) {
            if (!KEYS.contains(e.getKey())) {
                throw new IllegalArgumentException("unknown selector key '" + e.getKey() + "' (expected one of " + KEYS + ")");
            }
            if (e.getKey().equals("max-pages")) {
                if (!e.getValue().trim().matches("[1-9][0-9]?")) {
                    throw new IllegalArgumentException("selector max-pages='" + e.getValue() + "' must be a number from 1 to 99");
                }
                continue;
            }
            if (e.getKey().equals("detail") && e.getValue().trim().equalsIgnoreCase("json-ld")) continue;
            try {
                Selector.evaluatorOf(e.getValue());
            } catch (RuntimeException bad) {
                throw new IllegalArgumentException("selector " + e.getKey() + "='" + e.getValue() + "' is not valid CSS: " + bad.getMessage());
            }
        }
        if (!selectors.containsKey("item") && selectors.keySet().stream().anyMatch(k -> !k.equals("detail") && !k.equals("max-pages") && !k.equals("next"))) {
            throw new IllegalArgumentException("selectors need an 'item' selector (one element per item)");
        }
    }

    public ParsedItems scrape(Document page, Map<String, String> selectors, String sourceId, Kind kind, Instant fetched) {
        validate(selectors);
        Elements containers = page.select(selectors.get("item"));
        if (containers.isEmpty()) {
            return new ParsedItems(List.of(), "selector item='" + selectors.get("item") + "' matched nothing");
        }
        URI base = JobPostingExtractor.base(page);
        ItemFactory factory = new ItemFactory(sourceId, kind, fetched);
        Map<String, Item> byId = new LinkedHashMap<>();
        for (Element c : containers) {
            String title = text(c, selectors.get("title"));
            Item item = factory.create(Links.resolve(base, link(c, selectors.get("link"), selectors.get("title"))), null,
                    title, html(c, selectors.get("summary")), Dates.parse(date(c, selectors.get("date")), fetched),
                    text(c, selectors.get("employer")), text(c, selectors.get("location")), null);
            if (item != null && item.title() != null) byId.putIfAbsent(item.id(), item);
        }
        List<Item> items = new ArrayList<>(byId.values());
        return new ParsedItems(items, items.isEmpty()
                ? containers.size() + " elements matched item='" + selectors.get("item") + "' but none had a title" : null);
    }

    private static Element first(Element c, String css) {
        if (css == null) return null;
        return c.selectFirst(css);
    }

    private static String text(Element c, String css) {
        Element e = first(c, css);
        return e == null ? null : e.text();
    }

    private static String html(Element c, String css) {
        Element e = first(c, css);
        return e == null ? null : e.html();
    }

    private static String date(Element c, String css) {
        Element e = first(c, css);
        if (e == null) return null;
        if (e.hasAttr("datetime")) return e.attr("datetime");
        if (e.hasAttr("content")) return e.attr("content");
        return e.text();
    }

    // Without a link selector: the title's own link, else the first link in the item.
    private static String link(Element c, String linkCss, String titleCss) {
        Element e = linkCss != null ? first(c, linkCss) : null;
        if (e == null && titleCss != null) {
            Element t = first(c, titleCss);
            if (t != null) e = t.is("a[href]") ? t : t.selectFirst("a[href]");
            if (e == null && t != null) e = t.closest("a[href]");
        }
        if (e == null) e = c.is("a[href]") ? c : c.selectFirst("a[href]");
        if (e == null) return null;
        if (!e.hasAttr("href")) {
            Element a = e.selectFirst("a[href]");
            if (a == null) return null;
            e = a;
        }
        return e.attr("href");
    }
}
