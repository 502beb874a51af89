package org.rxradar.fetch.discover;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Every absolute URL a page carries: in any attribute (links, iframes, scripts, lazy-loading
 * {@code data-src}, forms) and in inline script text, where career sites often configure their job
 * board widget ({@code "https:\/\/boards.greenhouse.io\/embed\/job_board?for=acme"}).
 */
final class PageLinks {
    private static final Pattern URL = Pattern.compile(
            "(?i)(?:https?:)?//[a-z0-9][a-z0-9.-]*\\.[a-z]{2,}(?::\\d{1,5})?(?:[/?#][^\\s\"'<>\\\\`]*)?");
    private static final int MAX = 5000;

    /** A URL and where on the page it was: "iframe", "script", "link", "script text"... */
    record Found(String where, String url) {}

    private PageLinks() {}

    /** Distinct URLs in page order, each with the first place it was seen; at most {@value #MAX}. */
    static List<Found> find(Document page) {
        Map<String, String> found = new LinkedHashMap<>();
        for (Element e : page.getAllElements()) {
            for (Attribute a : e.attributes()) {
                if (a.getValue().contains("//")) collect(a.getValue(), where(e), found);
            }
            if (e.tagName().equals("script") && !e.hasAttr("src")) collect(e.data().replace("\\/", "/"), "script text", found);
            if (found.size() >= MAX) break;
        }
        List<Found> out = new ArrayList<>();
        found.forEach((url, where) -> out.add(new Found(where, url)));
        return out;
    }

    private static void collect(String text, String where, Map<String, String> found) {
        Matcher m = URL.matcher(text);
        while (m.find() && found.size() < MAX) {
            String url = m.group().replaceAll("[.,;:!)\\]}]+$", ""); // sentence punctuation after a URL in text
            found.putIfAbsent(url, where);
        }
    }

    private static String where(Element e) {
        return switch (e.tagName()) {
            case "a", "link" -> "link";
            default -> e.tagName();
        };
    }
}
