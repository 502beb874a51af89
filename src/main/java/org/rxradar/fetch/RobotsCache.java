package org.rxradar.fetch;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * robots.txt per host, fetched with the shared client under the host's politeness limit (it is a
 * request to that host like any other) and cached for a day. A missing robots.txt (4xx) allows
 * everything; a server error or an unreachable file disallows for an hour (RFC 9309). A
 * {@code Crawl-delay} becomes the floor of the host's delay between requests.
 */
final class RobotsCache {
    private static final Logger log = LoggerFactory.getLogger(RobotsCache.class);
    private static final Duration KEEP = Duration.ofHours(24);
    private static final Duration KEEP_FAILURE = Duration.ofHours(1);

    private record Entry(RobotsRules rules, Instant expires) {}

    private final HttpFetcher fetcher;
    private final HostLimiter limiter;
    private final String agentToken;
    private final ConcurrentHashMap<String, Entry> cache = new ConcurrentHashMap<>();

    /** @param limiter the per-host limits every request of this fetcher goes through; Crawl-delay raises them */
    RobotsCache(HttpFetcher fetcher, String userAgent, HostLimiter limiter) {
        this.fetcher = fetcher;
        this.limiter = limiter;
        String token = userAgent.trim().split("[/\\s]", 2)[0];
        this.agentToken = token.isEmpty() ? "rxradar" : token;
    }

    /** Call outside the host's permit: the robots.txt fetch takes one. */
    boolean allows(URI url) {
        String origin = url.getScheme() + "://" + url.getRawAuthority();
        Entry e = cache.get(origin);
        if (e == null || e.expires().isBefore(Instant.now())) {
            e = load(origin);
            cache.put(origin, e);
        }
        return e.rules().allows(url);
    }

    private Entry load(String origin) {
        URI robots = URI.create(origin + "/robots.txt");
        try {
            FetchResponse r = limiter.fetch(robots, () -> fetcher.fetch(robots, Validators.NONE, "text/plain"));
            if (r.ok()) {
                RobotsRules rules = RobotsRules.parse(robots.toString(), r.body(), agentToken);
                limiter.crawlDelay(robots, rules.crawlDelay().orElse(Duration.ZERO));
                rules.crawlDelay().ifPresent(d -> log.info("robots.txt of {} asks for {} s between requests", origin, d.toMillis() / 1000.0));
                if (rules.allowsNothing()) log.info("robots.txt of {} allows us nothing (or a Crawl-delay over 5 minutes)", origin);
                return new Entry(rules, Instant.now().plus(KEEP));
            }
            if (r.status() >= 400 && r.status() < 500 && r.status() != 429) {
                limiter.crawlDelay(robots, Duration.ZERO);
                return new Entry(RobotsRules.ALLOW_ALL, Instant.now().plus(KEEP));
            }
            log.info("robots.txt of {} answered HTTP {}; not fetching from that host for now", origin, r.status());
        } catch (FetchException e) {
            log.info("robots.txt of {} unreachable ({}); not fetching from that host for now", origin, e.getMessage());
        }
        return new Entry(RobotsRules.DISALLOW_ALL, Instant.now().plus(KEEP_FAILURE));
    }
}
