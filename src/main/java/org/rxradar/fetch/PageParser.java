package org.rxradar.fetch;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.rxradar.model.Item;
import org.rxradar.model.Kind;

/**
 * Career pages: per-source selectors when configured, schema.org JobPosting data otherwise. When
 * neither yields anything the notice says why, and names the feed the page offers if any.
 */
public final class PageParser {
    private final JobPostingExtractor postings = new JobPostingExtractor();
    private final SelectorScraper scraper = new SelectorScraper();

    public ParsedItems parse(byte[] body, String contentType, URI url, String sourceId, Kind kind,
                             Map<String, String> selectors, Instant fetched) throws FetchException {
        return parse(document(body, contentType, url), sourceId, kind, selectors, fetched);
    }

    /** As above, for a page already parsed. */
    public ParsedItems parse(Document page, String sourceId, Kind kind, Map<String, String> selectors, Instant fetched) {
        if (selectors.containsKey("item")) {
            ParsedItems scraped = scraper.scrape(page, selectors, sourceId, kind, fetched);
            if (!scraped.items().isEmpty()) return scraped;
            List<Item> structured = postings.extract(page, sourceId, fetched);
            return structured.isEmpty() ? scraped : new ParsedItems(structured, null);
        }
        List<Item> found = postings.extract(page, sourceId, fetched);
        if (!found.isEmpty()) return new ParsedItems(found, null);
        int declared = postings.countDeclared(page);
        String why = declared > 0
                ? "all " + declared + " JobPosting entries on the page are expired (validThrough has passed) or unusable"
                : "no schema.org JobPosting data (JSON-LD or microdata) on the page and no selectors configured";
        return new ParsedItems(List.of(), why + FeedLinkFinder.suggestion(page));
    }

    /** The page as a DOM, in the charset its Content-Type names (else what the page declares, else UTF-8). */
    public static Document document(byte[] body, String contentType, URI url) throws FetchException {
        try {
            return Jsoup.parse(new ByteArrayInputStream(body), charset(contentType), url.toString());
        } catch (IOException | RuntimeException e) {
            throw new FetchException("unreadable HTML page: " + e.getMessage(), e);
        }
    }

    private static String charset(String contentType) {
        if (contentType == null) return null;
        for (String part : contentType.split(";")) {
            String p = part.trim();
            if (p.toLowerCase().startsWith("charset=")) {
                String cs = p.substring(8).replace("\"", "").trim();
                try {
                    return java.nio.charset.Charset.isSupported(cs) ? cs : null;
                } catch (RuntimeException e) {
                    return null;
                }
            }
        }
        return null;
    }
}
