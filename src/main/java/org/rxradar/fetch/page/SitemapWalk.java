package org.rxradar.fetch.page;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.rxradar.fetch.FetchException;
import org.rxradar.fetch.FetchResponse;
import org.rxradar.fetch.ats.ListingClient;

/**
 * Reads a sitemap and, when it is a sitemap index, its child sitemaps (breadth first, each once),
 * up to {@code maxChildren} child sitemaps and {@code maxDepth} levels of indexes below the root.
 * The root must be read; a child that fails or is left out makes the walk partial.
 */
final class SitemapWalk {
    static final String SITEMAP_ACCEPT = "application/xml, text/xml;q=0.9, application/x-gzip;q=0.8, */*;q=0.5";

    /**
     * @param sitemaps sitemap documents read
     * @param problems why the walk is partial (children that failed or were left out); empty when complete
     */
    record Outcome(int sitemaps, int urls, int matched, int invalid, List<String> problems) {
        boolean complete() {
            return problems.isEmpty();
        }
    }

    private record Pending(URI url, int depth) {}

    private final ListingClient client;
    private final SitemapParser parser;
    private final int maxChildren;
    private final int maxDepth;

    SitemapWalk(ListingClient client, Pattern include, int maxChildren, int maxDepth) {
        this.client = client;
        this.parser = new SitemapParser(include, maxChildren);
        this.maxChildren = maxChildren;
        this.maxDepth = maxDepth;
    }

    /** Walks from {@code root}, handing every matching URL entry to {@code onMatch}. */
    Outcome walk(URI root, Consumer<SitemapEntry> onMatch) throws FetchException {
        Deque<Pending> queue = new ArrayDeque<>();
        Set<String> seen = new HashSet<>();
        seen.add(root.toString());
        queue.add(new Pending(root, 0));
        List<String> problems = new ArrayList<>();
        int sitemaps = 0, urls = 0, matched = 0, invalid = 0, children = 0, leftOut = 0;
        while (!queue.isEmpty()) {
            Pending p = queue.poll();
            SitemapParser.Result r;
            try {
                r = readOne(p.url(), onMatch);
            } catch (FetchException e) {
                if (p.depth() == 0 || Thread.currentThread().isInterrupted()) throw e;
                problems.add(e.getMessage());
                continue;
            }
            sitemaps++;
            urls += r.urls();
            matched += r.matched();
            invalid += r.invalid();
            if (r.kind() != SitemapParser.Kind.INDEX) continue;
            if (p.depth() >= maxDepth) {
                problems.add("sitemap index " + p.url() + " is nested more than " + maxDepth
                        + " levels deep: its " + r.childrenListed() + " sitemaps were not read");
                continue;
            }
            leftOut += r.childrenListed() - r.children().size();
            for (String child : r.children()) {
                if (!seen.add(child)) continue;
                if (children >= maxChildren) {
                    leftOut++;
                    continue;
                }
                children++;
                queue.add(new Pending(URI.create(child), p.depth() + 1));
            }
        }
        if (leftOut > 0) problems.add(leftOut + " child sitemaps beyond the limit of " + maxChildren + " were not read");
        return new Outcome(sitemaps, urls, matched, invalid, problems);
    }

    private SitemapParser.Result readOne(URI url, Consumer<SitemapEntry> onMatch) throws FetchException {
        FetchResponse response = client.get(url, SITEMAP_ACCEPT);
        if (!response.ok()) throw new FetchException("sitemap " + url + " answered HTTP " + response.status());
        URI base = response.finalUrl() != null ? response.finalUrl() : url;
        try (InputStream in = SitemapBody.open(response.body())) {
            return parser.read(in, base, onMatch);
        } catch (IOException e) {
            throw new FetchException("sitemap " + url + ": " + e.getMessage());
        } catch (FetchException e) {
            throw new FetchException("sitemap " + url + ": " + e.getMessage());
        }
    }
}
