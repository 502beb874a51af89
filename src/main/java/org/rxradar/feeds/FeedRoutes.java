package org.rxradar.feeds;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import org.rxradar.config.SourceNames;
import org.rxradar.view.FeedView;
import org.rxradar.web.http.Exchange;
import org.rxradar.web.http.Router;

/**
 * What the feed view serves: the topic feeds (Atom, RSS, with ETag, Last-Modified, 304 and gzip),
 * the OPML list of them, the events calendar, the read API ({@code /api/}) and the front page.
 * Links need the public base URL, known once the port is bound: {@link #open} before serving.
 */
public final class FeedRoutes {
    static final String FEED_CACHE_CONTROL = "public, max-age=300";

    private final FeedView view;
    private final Clock clock;
    private volatile SourceNames sourceNames = SourceNames.none();
    private volatile RenderedFeeds feeds;
    private volatile byte[] opml;

    public FeedRoutes(FeedView view, Clock clock) {
        this.view = Objects.requireNonNull(view, "view");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Adds the routes; they answer once {@link #open} has run. */
    public void installOn(Router router) {
        router.get("/", ex -> ex.send(200, Exchange.HTML, "no-cache", HomePage.render(view, ex.rawQuery(), sourceNames)));
        router.get("/feeds.opml", ex -> ex.send(200, "text/x-opml; charset=utf-8", FEED_CACHE_CONTROL, opml));
        router.get(EventsRoute.PATH, new EventsRoute(view, clock));
        // {id*}: a deeper path is still this kind of feed, answered 404 by FeedRequest naming the valid ids
        router.get("/feeds/settings/{id*}", this::feed);
        router.get("/feeds/topics/{id*}", this::feed);
        router.get("/feeds/{name*}", this::feed);
        new ItemsApi(view).installOn(router);
    }

    /** Renders with links under {@code baseUrl} and source names instead of ids. */
    public void open(String baseUrl, SourceNames names) {
        this.sourceNames = Objects.requireNonNull(names, "names");
        this.feeds = new RenderedFeeds(view, new FeedWriter(baseUrl, names), 2048);
        this.opml = new OpmlWriter(baseUrl).write(clock.instant());
    }

    private void feed(Exchange ex) throws IOException {
        FeedRequest request = FeedRequest.parse(ex.path(), ex.query());
        RenderedFeeds.Rendered feed = feeds.get(request);
        boolean gzip = acceptsGzip(ex.header("Accept-Encoding"));
        String etag = feed.etag(gzip);
        ex.header("ETag", etag);
        ex.header("Last-Modified", httpDate(feed.lastModified()));
        ex.header("Cache-Control", FEED_CACHE_CONTROL);
        ex.header("Vary", "Accept-Encoding");
        if (notModified(ex.header("If-None-Match"), ex.header("If-Modified-Since"), etag, feed.lastModified())) {
            ex.sendEmpty(304);
            return;
        }
        if (gzip) ex.header("Content-Encoding", "gzip");
        ex.send(200, request.format().contentType(), FEED_CACHE_CONTROL, gzip ? feed.gzipBody() : feed.body());
    }

    /** True when the client lists gzip without refusing it by {@code q=0}. */
    static boolean acceptsGzip(String acceptEncoding) {
        if (acceptEncoding == null) return false;
        for (String part : acceptEncoding.split(",")) {
            String[] p = part.trim().split(";");
            if (!p[0].trim().equalsIgnoreCase("gzip")) continue;
            for (int i = 1; i < p.length; i++) {
                String param = p[i].trim().replace(" ", "");
                if (param.matches("q=0(\\.0*)?")) return false;
            }
            return true;
        }
        return false;
    }

    /** If-None-Match wins over If-Modified-Since (RFC 9110 13.2.2). */
    static boolean notModified(String ifNoneMatch, String ifModifiedSince, String etag, Instant lastModified) {
        if (ifNoneMatch != null) {
            for (String tag : ifNoneMatch.split(",")) {
                String t = tag.trim();
                if (t.startsWith("W/")) t = t.substring(2);
                if (t.equals("*") || t.equals(etag)) return true;
            }
            return false;
        }
        if (ifModifiedSince == null) return false;
        try {
            Instant since = ZonedDateTime.parse(ifModifiedSince.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            return !lastModified.truncatedTo(ChronoUnit.SECONDS).isAfter(since);
        } catch (DateTimeParseException e) {
            return false; // an unreadable date is ignored, as the RFC asks
        }
    }

    static String httpDate(Instant t) {
        return DateTimeFormatter.RFC_1123_DATE_TIME.format(t.truncatedTo(ChronoUnit.SECONDS).atOffset(ZoneOffset.UTC));
    }
}
