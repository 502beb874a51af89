package org.rxradar.feeds;

import org.rxradar.view.ViewResult;
import org.rxradar.view.FeedView;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.zip.GZIPOutputStream;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Rendered feed documents, kept until the view changes. A changed view re-runs the query (cheap)
 * but renders again only when the feed's own content changed, so a busy topic does not
 * invalidate every other feed. Bounded, since filters let clients ask for many distinct feeds.
 */
final class RenderedFeeds {
    /**
     * @param gzipBody the body gzip-compressed once, at render time (feeds compress about tenfold);
     *                 it has its own ETag, as a different representation must (RFC 9110 8.8.3)
     */
    record Rendered(long viewVersion, String etag, Instant lastModified, byte[] body, byte[] gzipBody) {
        String etag(boolean gzip) {
            return gzip ? etag.substring(0, etag.length() - 1) + "-gz\"" : etag;
        }

        Rendered at(long version) {
            return new Rendered(version, etag, lastModified, body, gzipBody);
        }
    }

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
        ViewResult result = view.query(request.query());
        String etag = "\"" + result.stamp() + "-" + request.format().extension() + "\"";
        Rendered fresh;
        if (cached != null && cached.etag().equals(etag)) {
            fresh = cached.at(result.viewVersion());
        } else {
            byte[] body = writer.write(request.format(), request.title(), request.description(), request.selfPath(),
                    result.lastModified(), result.items());
            fresh = new Rendered(result.viewVersion(), etag, result.lastModified(), body, gzip(body));
        }
        // crude bound: odd filter combinations are rare, so starting over beats tracking recency
        if (cache.size() >= maxEntries) cache.clear();
        cache.put(request, fresh);
        return fresh;
    }

    private static byte[] gzip(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length / 4 + 64);
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(body);
        } catch (IOException e) {
            throw new UncheckedIOException("gzip into memory failed", e);
        }
        return out.toByteArray();
    }
}
