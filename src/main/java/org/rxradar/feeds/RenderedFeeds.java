package org.rxradar.feeds;

import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Rendered feed documents, kept until the view changes. A changed view re-runs the query (cheap)
 * but renders again only when the feed's own content changed, so a busy topic does not
 * invalidate every other feed. Bounded, since filters let clients ask for many distinct feeds.
 */
final class RenderedFeeds {
    record Rendered(long viewVersion, String etag, Instant lastModified, byte[] body) {}

    private final FeedView view;
    private final FeedWriter writer;
    private final int maxEntries;
    private final ConcurrentHashMap<FeedRequest, Rendered> cache = new ConcurrentHashMap<>();

    RenderedFeeds(FeedView view, FeedWriter writer, int maxEntries) {
        this.view = view;
        this.writer = writer;
        this.maxEntries = maxEntries;
    }

    Rendered get(FeedRequest request) {
        Rendered cached = cache.get(request);
        if (cached != null && cached.viewVersion() == view.version()) return cached;
        FeedResult result = view.query(request.query());
        String etag = "\"" + result.stamp() + "-" + request.format().extension() + "\"";
        Rendered fresh;
        if (cached != null && cached.etag().equals(etag)) {
            fresh = new Rendered(result.viewVersion(), etag, cached.lastModified(), cached.body());
        } else {
            byte[] body = writer.write(request.format(), request.title(), request.description(), request.selfPath(),
                    result.lastModified(), result.items());
            fresh = new Rendered(result.viewVersion(), etag, result.lastModified(), body);
        }
        // crude bound: odd filter combinations are rare, so starting over beats tracking recency
        if (cache.size() >= maxEntries) cache.clear();
        cache.put(request, fresh);
        return fresh;
    }
}
