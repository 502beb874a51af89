package org.rxradar.fetch;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.rxradar.model.Item;
import org.rxradar.model.JobPosting;
import org.rxradar.model.Kind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The optional extras of a selector source: {@code next} (CSS of the next-page link, followed up
 * to {@code max-pages} listing pages, default 3) and {@code detail} (follow each new item's link;
 * {@code json-ld} reads the JobPosting there, any other value is the CSS of the summary).
 * Detail pages are fetched only for items new or changed on the listing, at most {@value #MAX_DETAILS}
 * a poll; such items are de-duplicated on what the listing shows, so they are not re-published
 * just because the detail page was not read again.
 */
public final class PageFollower {
    private static final Logger log = LoggerFactory.getLogger(PageFollower.class);
    static final int MAX_DETAILS = 50;
    static final int DEFAULT_PAGES = 3;

    /** Fetches one more URL the way the caller wants (politeness, robots.txt). */
    @FunctionalInterface
    public interface Fetch {
        FetchResponse get(URI url) throws FetchException;
    }

    private final PageParser pages = new PageParser();
    private final JobPostingExtractor postings = new JobPostingExtractor();

    static boolean wanted(Map<String, String> selectors) {
        return selectors.containsKey("next") || selectors.containsKey("detail");
    }

    ParsedItems read(FetchResponse first, Map<String, String> selectors, String sourceId, Kind kind, Instant fetched,
                     Predicate<Item> seen, Fetch fetch) throws FetchException {
        List<Item> items = new ArrayList<>();
        String notice = null;
        Set<URI> visited = new LinkedHashSet<>();
        FetchResponse response = first;
        int maxPages = maxPages(selectors);
        for (int page = 1; response != null; page++) {
            visited.add(response.finalUrl());
            Document doc = PageParser.document(response.body(), response.contentType(), response.finalUrl());
            ParsedItems parsed = pages.parse(doc, sourceId, kind, selectors, fetched);
            items.addAll(parsed.items());
            if (page == 1) notice = parsed.notice();
            URI next = page < maxPages ? nextPage(doc, selectors.get("next")) : null;
            response = null;
            if (next != null && !visited.contains(next)) {
                try {
                    FetchResponse r = fetch.get(next);
                    if (r.ok()) response = r;
                } catch (FetchException e) {
                    log.info("source {}: next page {} failed: {}", sourceId, next, e.getMessage());
                }
            }
        }
        Map<String, String> fingerprints = new java.util.HashMap<>();
        if (selectors.containsKey("detail")) {
            for (Item i : items) fingerprints.putIfAbsent(i.id(), Deduplicator.hash(i));
            items = withDetails(items, selectors.get("detail"), sourceId, fetched, seen, fetch);
        }
        return new ParsedItems(items, items.isEmpty() ? notice : null, fingerprints);
    }

    private static URI nextPage(Document doc, String css) {
        if (css == null) return null;
        Element link = doc.selectFirst(css);
        if (link == null) return null;
        if (!link.hasAttr("href")) link = link.selectFirst("a[href]");
        if (link == null) return null;
        String abs = link.absUrl("href");
        try {
            return abs.isEmpty() ? null : URI.create(abs);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private List<Item> withDetails(List<Item> items, String detail, String sourceId, Instant fetched,
                                   Predicate<Item> seen, Fetch fetch) {
        List<Item> out = new ArrayList<>(items.size());
        int fetchedDetails = 0;
        for (Item item : items) {
            if (item.url() == null || seen.test(item) || fetchedDetails >= MAX_DETAILS) {
                out.add(item);
                continue;
            }
            fetchedDetails++;
            try {
                FetchResponse r = fetch.get(URI.create(item.url()));
                out.add(r.ok() ? merge(item, PageParser.document(r.body(), r.contentType(), r.finalUrl()), detail, sourceId, fetched) : item);
            } catch (FetchException | IllegalArgumentException e) {
                log.info("source {}: detail page {} failed: {}", sourceId, item.url(), e.getMessage());
                out.add(item);
            }
        }
        return out;
    }

    private Item merge(Item listed, Document page, String detail, String sourceId, Instant fetched) {
        if (!detail.equalsIgnoreCase("json-ld")) {
            Element e = page.selectFirst(detail);
            String summary = e == null ? null : TextCleaner.summary(e.html());
            return summary == null ? listed : copy(listed, listed.title(), summary, listed.published(), listed.publishedEstimated(),
                    listed.employer(), listed.location(), listed.posting());
        }
        List<Item> found = postings.extract(page, sourceId, fetched);
        if (found.size() != 1) return listed;
        Item p = found.get(0);
        boolean dated = !p.publishedEstimated();
        return copy(listed, listed.title() != null ? listed.title() : p.title(),
                p.summary() != null ? p.summary() : listed.summary(),
                dated ? p.published() : listed.published(), dated ? false : listed.publishedEstimated(),
                p.employer() != null ? p.employer() : listed.employer(),
                p.location() != null ? p.location() : listed.location(), p.posting());
    }

    private static Item copy(Item i, String title, String summary, Instant published, boolean estimated,
                             String employer, String location, JobPosting posting) {
        return new Item(i.v(), i.id(), i.kind(), i.source(), i.url(), title, summary, published, estimated, i.fetched(),
                i.updated(), employer, location, posting);
    }

    static int maxPages(Map<String, String> selectors) {
        String v = selectors.get("max-pages");
        if (v == null) return selectors.containsKey("next") ? DEFAULT_PAGES : 1;
        return Integer.parseInt(v.trim());
    }
}
