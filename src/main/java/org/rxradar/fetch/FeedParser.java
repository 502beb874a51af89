package org.rxradar.fetch;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Locale;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.rxradar.model.Kind;

/**
 * Turns a fetched feed into items: RSS/Atom/RDF through ROME, JSON Feed through Jackson. The
 * format is sniffed from the bytes, not trusted from the Content-Type (servers often lie);
 * an HTML page where a feed was expected is a clear error that names the feeds the page offers.
 */
public final class FeedParser {
    private static final java.util.regex.Pattern XML_DECLARATION = java.util.regex.Pattern.compile("^<\\?xml[^>]*>\\s*");
    private final XmlFeedParser xml = new XmlFeedParser();
    private final JsonFeedParser json = new JsonFeedParser();

    /**
     * @param body        the response body (already decompressed)
     * @param contentType the Content-Type header, may be null
     * @param base        the URL the feed came from, for relative links
     * @param sourceId    goes into {@code Item.source} and GUID-based ids
     * @param kind        news or job, from the source config
     * @param fetched     the fetch time, used (and flagged) when an entry has no usable date
     */
    public ParsedItems parse(byte[] body, String contentType, URI base, String sourceId, Kind kind, Instant fetched)
            throws FetchException {
        ItemFactory factory = new ItemFactory(sourceId, kind, fetched);
        if (body == null || body.length == 0) throw new FetchException("empty response body, not a feed");
        String head = head(body);
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        if (head.startsWith("{") || type.contains("json") && !head.startsWith("<")) {
            return json.parse(body, base, factory);
        }
        if (looksLikeHtml(head)) {
            Document page = Jsoup.parse(new String(body, StandardCharsets.UTF_8), base.toString());
            throw new FetchException("got an HTML page where a feed was expected" + FeedLinkFinder.suggestion(page));
        }
        if (!head.startsWith("<")) {
            throw new FetchException("not a feed: the body starts with neither '<' nor '{' (Content-Type " + contentType + ")");
        }
        return xml.parse(body, contentType, base, factory);
    }

    /** The first characters of the body with BOMs, NULs (UTF-16) and leading whitespace removed, lower-cased. */
    static String head(byte[] body) {
        int n = Math.min(body.length, 1024);
        StringBuilder s = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            int b = body[i] & 0xff;
            if (b == 0 || b >= 0x80 && s.length() == 0) continue; // BOM bytes, UTF-16 zero bytes
            if (s.length() == 0 && Character.isWhitespace(b)) continue;
            s.append((char) b);
        }
        return s.toString().toLowerCase(Locale.ROOT);
    }

    static boolean looksLikeHtml(String head) {
        String h = XML_DECLARATION.matcher(head).replaceFirst("");
        return h.startsWith("<!doctype html") || h.startsWith("<html") || h.startsWith("<head") || h.startsWith("<body")
                || h.startsWith("<!--") && h.contains("<html");
    }
}
