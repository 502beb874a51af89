package org.rxradar.fetch;

import java.net.URI;
import java.time.Instant;
import org.rxradar.config.RxRadarConfig;
import org.rxradar.fetch.ats.JobListingReader;
import org.rxradar.fetch.ats.Listing;
import org.rxradar.model.Item;
import org.rxradar.model.Kind;

/**
 * Reads one source's listing once, as a poll would, but without Kafka and without fetch state: no
 * posting is known, nothing is remembered, nothing is published. For {@code rxradar preview} and
 * {@code rxradar sources discover}.
 *
 * <p>Job-listing types go through their reader ({@link JobListings}) with the same HTTP limits,
 * host politeness and robots.txt as the fetch stage. rss and web sources are parsed as the fetch
 * stage parses them; their items are then checked against the source's search phrases as well, so
 * that "how many postings, how many match" reads alike for every type (the fetch stage itself
 * publishes every item of an rss or web source).
 */
public final class ListingPreview {
    private static final String FEED_ACCEPT = "application/rss+xml, application/atom+xml, application/feed+json, "
            + "application/xml;q=0.9, text/xml;q=0.9, application/json;q=0.8, */*;q=0.5";
    private static final String PAGE_ACCEPT = "text/html, application/xhtml+xml;q=0.9, */*;q=0.5";

    private final HttpFetcher http;
    private final HostLimiter limiter;
    private final RobotsCache robots;
    private final DocumentParser parser = new DocumentParser();

    public ListingPreview(RxRadarConfig.Fetch config) {
        this(config, new HttpFetcher(config));
    }

    public ListingPreview(RxRadarConfig.Fetch config, HttpFetcher http) {
        this.http = http;
        this.limiter = new HostLimiter(config.perHostConcurrency(), config.perHostDelay());
        this.robots = new RobotsCache(http, config.userAgent(), limiter);
    }

    /** One read of {@code source}; a listing that cannot be read at all throws with the reader's message. */
    public Listing read(RxRadarConfig.Source source) throws FetchException {
        if (!RxRadarConfig.Source.TYPES.contains(source.type())) {
            throw new FetchException("'" + source.type() + "' is not a source type ("
                    + String.join(", ", RxRadarConfig.Source.TYPES) + ")");
        }
        JobListingReader reader = JobListings.forType(source.type());
        if (source.readsJobListing() && reader == null) {
            throw new FetchException("no reader for source type " + source.type() + " in this build");
        }
        Instant now = Instant.now();
        try {
            if (reader != null) {
                return reader.read(source, new ListingHttp(http, limiter, robots, SourceState.fresh(source.id(), source.url()), now));
            }
            return readDocument(source, now);
        } catch (IllegalArgumentException e) {
            // as SourceFetcher: a reader's or parser's complaint about the source's settings
            throw new FetchException("invalid source configuration: " + e.getMessage(), e);
        }
    }

    // rss and web: one document (and the pages its selectors follow), as SourceFetcher parses it
    private Listing readDocument(RxRadarConfig.Source source, Instant now) throws FetchException {
        boolean web = source.type().equals("web");
        URI url;
        try {
            url = new URI(source.url().trim());
        } catch (Exception e) {
            throw new FetchException("invalid URL '" + source.url() + "': " + e.getMessage());
        }
        FetchResponse response = web ? page(url) : limited(url, FEED_ACCEPT);
        if (!response.ok()) {
            throw new FetchException("HTTP " + response.status() + " from " + url
                    + (response.retryAfter() == null ? "" : ", retry after " + response.retryAfter().toSeconds() + " s"));
        }
        ParsedItems parsed = parser.parse(source.type(), response, source.id(), Kind.parse(source.kind()),
                source.selectors(), now, item -> false, this::page);
        Listing.Builder listing = Listing.builder(source.search());
        for (Item item : Deduplicator.distinct(parsed.items())) listing.posting(item, null, null);
        if (parsed.notice() != null) listing.notice(parsed.notice());
        return listing.build();
    }

    private FetchResponse page(URI url) throws FetchException {
        if (!robots.allows(url)) throw new FetchException("robots.txt disallows " + url);
        return limited(url, PAGE_ACCEPT);
    }

    private FetchResponse limited(URI url, String accept) throws FetchException {
        return limiter.fetch(url, () -> http.fetch(url, Validators.NONE, accept));
    }
}
