package org.rxradar.fetch;

import io.micrometer.core.instrument.Metrics;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.rxradar.config.RxRadarConfig;
import org.rxradar.fetch.ats.HttpStatusException;
import org.rxradar.fetch.ats.JobListingReader;
import org.rxradar.fetch.ats.Listing;
import org.rxradar.fetch.ats.SourceConfigException;
import org.rxradar.model.Item;
import org.rxradar.model.Kind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One poll of one source: robots.txt (web sources), per-host politeness, conditional GET, parse,
 * de-duplicate, then store the items to publish with the source's new state (validators, seen ids,
 * error count) through a {@link PollSink}: in the pipeline, one Kafka transaction. A poll works on a
 * copy of the state, which replaces it only once stored. Every failure becomes a
 * {@link SourceReport}; nothing is thrown to the caller.
 */
public final class SourceFetcher {
    private static final Logger log = LoggerFactory.getLogger(SourceFetcher.class);
    private static final String FEED_ACCEPT = "application/rss+xml, application/atom+xml, application/feed+json, "
            + "application/xml;q=0.9, text/xml;q=0.9, application/json;q=0.8, */*;q=0.5";
    private static final String PAGE_ACCEPT = "text/html, application/xhtml+xml;q=0.9, */*;q=0.5";

    private final HttpFetcher http;
    private final HostLimiter limiter;
    private final RobotsCache robots;
    private final FetchStateStore store;
    private final PollSink sink;
    private final int maxConsecutiveErrors;
    private final DocumentParser parser = new DocumentParser();
    private final Deduplicator dedup = new Deduplicator();
    private final java.util.concurrent.ConcurrentHashMap<String, SourceState> states = new java.util.concurrent.ConcurrentHashMap<>();

    /** A fetcher without Kafka: items to {@code sink}, states in files in {@code store} (tests, benchmarks). */
    public SourceFetcher(RxRadarConfig.Fetch config, HttpFetcher http, FetchStateStore store, ItemSink sink) {
        this(config, http, store, PollSink.local(sink, store));
    }

    /**
     * @param store where a source's state is read from when this fetcher has none ({@link #restore}):
     *              an earlier version's file, else a fresh state
     * @param sink  where each poll's items and state are stored together
     */
    public SourceFetcher(RxRadarConfig.Fetch config, HttpFetcher http, FetchStateStore store, PollSink sink) {
        this.http = http;
        this.limiter = new HostLimiter(config.perHostConcurrency(), config.perHostDelay());
        this.robots = new RobotsCache(http, config.userAgent(), limiter);
        this.store = store;
        this.sink = sink;
        this.maxConsecutiveErrors = config.maxConsecutiveErrors();
    }

    /**
     * The state of a source: the one restored or stored last; else read from the store once (an
     * earlier version's file, marked to be stored with the next poll), else a fresh one.
     */
    public SourceState state(RxRadarConfig.Source source) {
        SourceState s = states.computeIfAbsent(source.id(), id -> {
            boolean file = store.has(id);
            SourceState loaded = store.load(id, source.url());
            if (file) loaded.unstored = true;
            return loaded;
        });
        return s.forUrl(source.url()); // the source's URL changed in the config since its last poll
    }

    /** Takes the states of sources this instance now owns, as restored from the state topic; {@code ids} without one start afresh. */
    void restore(java.util.Collection<String> ids, java.util.Map<String, SourceState> restored) {
        for (String id : ids) {
            SourceState s = restored.get(id);
            if (s != null) states.put(id, s);
            else states.remove(id);
        }
    }

    /** Drops the states of sources another instance owns now. */
    void forget(java.util.Collection<String> ids) {
        for (String id : ids) states.remove(id);
    }

    /** True when {@code s} is the state of the source now: no restore or forget came since a poll began from it. */
    boolean isCurrent(String sourceId, SourceState s) {
        return states.get(sourceId) == s;
    }

    public SourceReport fetch(RxRadarConfig.Source source) {
        return fetch(source, () -> { });
    }

    /** {@link #fetch(RxRadarConfig.Source)}, calling {@code storing} once the poll is fetched and parsed, before it is stored. */
    SourceReport fetch(RxRadarConfig.Source source, Runnable storing) {
        SourceState before = state(source);
        if (before.paused) {
            return SourceReport.error(source.id(), SourceReport.Status.PAUSED, "paused: " + before.pauseReason, null);
        }
        if (before.configProblem != null) {
            return SourceReport.error(source.id(), SourceReport.Status.PAUSED, "paused until restart: " + before.configProblem, null);
        }
        SourceState state = before.copy();
        boolean hadErrors = state.consecutiveErrors > 0;
        List<Item> toPublish = new java.util.ArrayList<>();
        SourceReport report = attempt(source, state, toPublish);
        if (Thread.currentThread().isInterrupted()) return report; // shutting down: not the source's fault
        record(source, state, report);
        // an unchanged source changes nothing worth storing
        if (report.status() != SourceReport.Status.NOT_MODIFIED || hadErrors || before.unstored || !toPublish.isEmpty()) {
            state.unstored = false;
            storing.run();
            try {
                sink.store(source, before, state, toPublish);
            } catch (PollSink.SourceMovedException e) {
                return SourceReport.error(source.id(), SourceReport.Status.SKIPPED, e.getMessage(), null);
            } catch (RuntimeException e) {
                if (Thread.currentThread().isInterrupted()) return report;
                log.debug("source {}: poll not stored, it will be fetched again: {}", source.id(), org.rxradar.bus.StageHealth.oneLine(e));
                return SourceReport.error(source.id(), SourceReport.Status.NOT_STORED, "not stored: " + org.rxradar.bus.StageHealth.oneLine(e), null);
            }
        }
        states.replace(source.id(), before, state); // unless restored or forgotten meanwhile
        Metrics.counter("rxradar.fetch.items.published", "source", source.id()).increment(report.published());
        if (report.closed() > 0) {
            Metrics.counter("rxradar.fetch.postings.closed", "source", source.id()).increment(report.closed());
            log.info("source {}: {} postings closed", source.id(), report.closed());
        }
        return report;
    }

    private SourceReport attempt(RxRadarConfig.Source source, SourceState state, List<Item> toPublish) {
        Instant now = Instant.now();
        boolean web = "web".equals(source.type());
        try {
            if (source.readsJobListing()) return pollListing(source, state, now, toPublish);
            URI url = parseUrl(source.url());
            if (web && !robots.allows(url)) {
                return SourceReport.error(source.id(), SourceReport.Status.DISALLOWED, "robots.txt disallows " + url, null);
            }
            FetchResponse response;
            try (AutoCloseable permit = limiter.acquire(url)) {
                response = http.fetch(url, state.validators(), web ? PAGE_ACCEPT : FEED_ACCEPT);
            }
            state.lastFetched = now;
            return switch (response.outcome()) {
                case NOT_MODIFIED -> new SourceReport(source.id(), SourceReport.Status.NOT_MODIFIED, 0, 0, 0, null, null);
                case GONE -> SourceReport.error(source.id(), SourceReport.Status.GONE, "HTTP 410 Gone: the source was removed", null);
                case NOT_FOUND -> SourceReport.error(source.id(), SourceReport.Status.ERROR, "HTTP 404 Not Found", null);
                case RETRY_LATER -> SourceReport.error(source.id(), SourceReport.Status.ERROR,
                        "HTTP " + response.status() + ", server asks to retry later", response.retryAfter());
                case HTTP_ERROR -> SourceReport.error(source.id(), SourceReport.Status.ERROR, "HTTP " + response.status(), null);
                case OK -> publish(source, state, response, now, toPublish);
            };
        } catch (SourceConfigException e) {
            return SourceReport.error(source.id(), SourceReport.Status.CONFIG, e.getMessage(), null);
        } catch (HttpStatusException e) {
            if (e.refused()) {
                return SourceReport.error(source.id(), SourceReport.Status.CONFIG, e.getMessage()
                        + ": the API refused the request; check the source's url, api-url and api-key", null);
            }
            return SourceReport.error(source.id(), SourceReport.Status.ERROR, e.getMessage(), null);
        } catch (FetchException e) {
            return SourceReport.error(source.id(), SourceReport.Status.ERROR, e.getMessage(), null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return SourceReport.error(source.id(), SourceReport.Status.ERROR, "interrupted", null);
        } catch (IllegalArgumentException e) {
            return SourceReport.error(source.id(), SourceReport.Status.ERROR, "invalid source configuration: " + e.getMessage(), null);
        } catch (Exception e) {
            // a bug or a surprise in one source must never stop the others
            log.warn("source {}: unexpected failure", source.id(), e);
            return SourceReport.error(source.id(), SourceReport.Status.ERROR, "unexpected: " + e, null);
        }
    }

    private SourceReport publish(RxRadarConfig.Source source, SourceState state, FetchResponse response, Instant now,
                                 List<Item> toPublish) throws FetchException {
        ParsedItems parsed = parser.parse(source.type(), response, source.id(), Kind.parse(source.kind()),
                source.selectors(), now, item -> Deduplicator.unchanged(item, state), this::fetchPage);
        List<Item> found = Deduplicator.distinct(parsed.items());
        java.util.Map<String, String> fingerprints = Deduplicator.fingerprints(found, parsed.fingerprints());
        Deduplicator.Decision d = dedup.decide(found, fingerprints, state, now);
        toPublish.addAll(d.toPublish()); // stored with the state that remembers them as seen
        dedup.remember(found, fingerprints, state, now);
        state.etag = response.validators().etag();
        state.lastModified = response.validators().lastModified();
        Metrics.counter("rxradar.fetch.items.fetched", "source", source.id()).increment(found.size());
        return new SourceReport(source.id(), SourceReport.Status.OK, found.size(), d.toPublish().size(),
                d.updatedItems(), parsed.notice(), null);
    }

    /**
     * One read of an employer's job listing: the type's reader pages through it, then new and
     * changed postings are published, and postings the listing no longer holds are closed.
     */
    private SourceReport pollListing(RxRadarConfig.Source source, SourceState state, Instant now, List<Item> toPublish)
            throws FetchException {
        JobListingReader reader = JobListings.forType(source.type());
        if (reader == null) throw new SourceConfigException("no reader for source type " + source.type());
        Listing listing = reader.read(source, new ListingHttp(http, limiter, robots, state, now));
        state.lastFetched = now;
        List<Item> open = new java.util.ArrayList<>();
        java.util.Set<String> expired = new java.util.HashSet<>();
        for (Item item : Deduplicator.distinct(listing.items())) {
            Instant validThrough = item.posting() == null ? null : item.posting().validThrough();
            if (validThrough != null && validThrough.isBefore(now)) expired.add(item.id());
            else open.add(item);
        }
        java.util.Map<String, String> fingerprints = Deduplicator.fingerprints(open, listing.fingerprints());
        Deduplicator.Decision d = dedup.decide(open, fingerprints, state, now);
        List<Item> closed = ClosedPostings.find(listing, expired, state, source.id(), now);
        toPublish.addAll(d.toPublish()); // stored with the state that remembers them
        toPublish.addAll(closed);
        dedup.remember(open, fingerprints, state, now, true);
        ClosedPostings.mark(closed, state, now);
        rememberIgnored(listing, state, now);
        Metrics.counter("rxradar.fetch.items.fetched", "source", source.id()).increment(open.size());
        return new SourceReport(source.id(), SourceReport.Status.OK, open.size(), d.toPublish().size(),
                d.updatedItems(), listing.notice(), null, closed.size());
    }

    // postings that match no phrase: remembered so their details are not read again; a complete
    // listing replaces the set, a partial one only adds to it
    private static void rememberIgnored(Listing listing, SourceState state, Instant now) {
        if (listing.complete()) state.ignored.clear();
        Instant expires = now.plus(Deduplicator.REMEMBER);
        listing.ignored().forEach((id, hash) -> state.ignored.put(id, new SourceState.Seen(hash, expires)));
    }

    // further pages of a web source (next pages, detail pages): same politeness as the first
    private FetchResponse fetchPage(URI url) throws FetchException {
        if (!robots.allows(url)) throw new FetchException("robots.txt disallows " + url);
        return limiter.fetch(url, () -> http.fetch(url, Validators.NONE, PAGE_ACCEPT));
    }

    private void record(RxRadarConfig.Source source, SourceState state, SourceReport report) {
        if (report.status() == SourceReport.Status.CONFIG) {
            state.configProblem = report.message();
            Metrics.counter("rxradar.fetch.errors", "source", source.id()).increment();
            log.error("source {} ({}) PAUSED until restart, a configuration problem: {}", source.id(), source.label(),
                    report.message());
            return;
        }
        if (!report.failed()) {
            state.consecutiveErrors = 0;
            state.lastError = null;
            state.retryNotBefore = null;
            return;
        }
        state.consecutiveErrors++;
        state.lastError = report.message();
        Metrics.counter("rxradar.fetch.errors", "source", source.id()).increment();
        state.retryNotBefore = report.retryAfter() == null ? null : Instant.now().plus(report.retryAfter());
        if (report.status() == SourceReport.Status.GONE) {
            pause(source, state, "the server answered 410 Gone");
        } else if (state.consecutiveErrors >= maxConsecutiveErrors) {
            pause(source, state, state.consecutiveErrors + " consecutive errors, last: " + report.message());
        } else {
            log.info("source {}: {} (error {} of {} before pausing)", source.id(), report.message(),
                    state.consecutiveErrors, maxConsecutiveErrors);
        }
    }

    private static void pause(RxRadarConfig.Source source, SourceState state, String reason) {
        state.paused = true;
        state.pauseReason = reason;
        Metrics.counter("rxradar.fetch.sources.paused", "source", source.id()).increment();
        log.warn("source {} ({}) PAUSED: {}. It is not fetched again until its URL changes in the config "
                + "or its fetch state is deleted.", source.id(), source.url(), reason);
    }

    /** The delay before the next poll of a source after {@code report}: interval with jitter, backoff on errors. */
    static Duration nextDelay(RxRadarConfig.Source source, SourceState state, SourceReport report, double random) {
        Duration interval = source.interval();
        double jitter = 0.9 + 0.2 * random;
        if (!report.failed() || state.consecutiveErrors == 0) return Duration.ofMillis((long) (interval.toMillis() * jitter));
        long factor = 1L << Math.min(state.consecutiveErrors - 1, 10);
        long backoff = Math.min(interval.toMillis() * factor, Duration.ofDays(1).toMillis());
        long wait = (long) (backoff * jitter);
        if (report.retryAfter() != null) wait = Math.max(wait, report.retryAfter().toMillis());
        return Duration.ofMillis(wait);
    }

    private static URI parseUrl(String url) throws FetchException {
        if (url == null || url.isBlank()) throw new FetchException("the source has no url");
        try {
            return new URI(url.trim());
        } catch (Exception e) {
            throw new FetchException("invalid url '" + url + "': " + e.getMessage());
        }
    }
}
