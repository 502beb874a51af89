package org.rxradar.fetch;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rxradar.model.Item;
import org.rxradar.model.Json;

/** JSON Feed 1.0 and 1.1 (https://jsonfeed.org). */
final class JsonFeedParser {

    ParsedItems parse(byte[] body, URI base, ItemFactory factory) throws FetchException {
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(body);
        } catch (IOException e) {
            throw new FetchException("not valid JSON: " + (e instanceof com.fasterxml.jackson.core.JsonProcessingException j ? j.getOriginalMessage() : e.getMessage()));
        }
        // some feeds write "version": "1.0" instead of the jsonfeed.org URL; an items array is enough
        if (root == null || !root.isObject()
                || !root.path("version").asText("").contains("jsonfeed.org") && !root.path("items").isArray()) {
            throw new FetchException("JSON document is not a JSON Feed (no jsonfeed.org version, no items array)");
        }
        URI feedBase = base;
        String home = text(root, "feed_url");
        if (home == null) home = text(root, "home_page_url");
        if (home != null && Links.resolve(base, home) != null) feedBase = URI.create(Links.resolve(base, home));
        List<Item> out = new ArrayList<>();
        Map<String, Integer> dropped = new LinkedHashMap<>();
        for (JsonNode n : root.path("items")) {
            if (!n.isObject()) continue;
            String url = Links.resolve(feedBase, text(n, "url"));
            if (url == null) url = Links.resolve(feedBase, text(n, "external_url"));
            String summary = text(n, "summary");
            if (summary == null) summary = text(n, "content_html");
            if (summary == null) summary = text(n, "content_text");
            String date = text(n, "date_published");
            if (date == null) date = text(n, "date_modified");
            Item item = factory.entry(url, text(n, "id"), text(n, "title"), summary,
                    Dates.parse(date, factory.fetched()), null, null);
            if (item != null) out.add(item);
            else dropped.merge(XmlFeedParser.NOTHING, 1, Integer::sum);
        }
        return new ParsedItems(out, out.isEmpty() ? "the feed has no items" : null, Map.of(), dropped);
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull() || v.isContainerNode()) return null;
        String s = v.asText().trim();
        return s.isEmpty() ? null : s;
    }
}
