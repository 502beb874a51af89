package org.rxradar.fetch;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.rxradar.model.Item;
import org.rxradar.model.Kind;

/**
 * schema.org JobPosting data on listing or detail pages, from JSON-LD ({@code @graph}, arrays,
 * nested lists) and microdata. Expired postings (validThrough in the past) are left out.
 */
public final class JobPostingExtractor {
    private final JobPostingReader reader = new JobPostingReader();

    /** The postings on {@code page}; {@code page.location()} should be the page URL. */
    public List<Item> extract(Document page, String sourceId, Instant fetched) {
        List<JsonNode> postings = new ArrayList<>();
        for (JsonNode block : JsonLdReader.blocks(page)) JsonLdReader.collect(block, "JobPosting", postings, 0);
        postings.addAll(MicrodataReader.items(page, "JobPosting"));
        URI base = base(page);
        ItemFactory factory = new ItemFactory(sourceId, Kind.JOB, fetched);
        String fallback = postings.size() == 1 ? Links.resolve(base, page.location()) : null;
        Map<String, Item> byId = new LinkedHashMap<>();
        for (JsonNode p : postings) {
            try {
                Item item = reader.read(p, base, fallback, factory);
                if (item != null) byId.putIfAbsent(item.id(), item);
            } catch (RuntimeException e) {
                // one odd posting must not hide the others on the page
            }
        }
        return new ArrayList<>(byId.values());
    }

    /** How many JobPosting objects the page declares, expired ones included (for messages). */
    public int countDeclared(Document page) {
        List<JsonNode> postings = new ArrayList<>();
        for (JsonNode block : JsonLdReader.blocks(page)) JsonLdReader.collect(block, "JobPosting", postings, 0);
        return postings.size() + MicrodataReader.items(page, "JobPosting").size();
    }

    static URI base(Document page) {
        try {
            return page.location() == null || page.location().isEmpty() ? null : URI.create(page.location());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
