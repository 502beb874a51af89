package org.rxradar.fetch;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * robots.txt per host, fetched with the shared client and cached for a day. A missing robots.txt
 * (4xx) allows everything; a server error or an unreachable file disallows for an hour (RFC 9309).
 */
final class RobotsCache {
    private static final Logger log = LoggerFactory.getLogger(RobotsCache.class);
    private static final Duration KEEP = Duration.ofHours(24);
    private static final Duration KEEP_FAILURE = Duration.ofHours(1);

    private record Entry(RobotsRules rules, Instant expires) {}

    private final HttpFetcher fetcher;
    private final String agentToken;
    private final ConcurrentHashMap<String, Entry> cache = new ConcurrentHashMap<>();

    RobotsCache(HttpFetcher fetcher, String userAgent) {
        this.fetcher = fetcher;
        String token = userAgent.trim().split("[/\\s]", 2)[0];
        this.agentToken = token.isEmpty() ? "rxradar" : token;
    }

    boolean allows(URI url) {
        String origin = url.getScheme() + "://" + url.getRawAuthority();
        Entry e = cache.get(origin);
        if (e == null || e.expires().isBefore(Instant.now())) {
            e = load(origin);
            cache.put(origin, e);
        }
        String path = (url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath())
                + (url.getRawQuery() == null ? "" : "?" + url.getRawQuery());
        return e.rules().allows(path);
    }

    private Entry load(String origin) {
        try {
            FetchResponse r = fetcher.fetch(URI.create(origin + "/robots.txt"), Validators.NONE, "text/plain");
            if (r.ok()) {
                return new Entry(RobotsRules.parse(new String(r.body(), StandardCharsets.UTF_8), agentToken), Instant.now().plus(KEEP));
            }
            if (r.status() >= 400 && r.status() < 500 && r.status() != 429) {
                return new Entry(RobotsRules.ALLOW_ALL, Instant.now().plus(KEEP));
            }
            log.info("robots.txt of {} answered HTTP {}; not fetching from that host for now", origin, r.status());
        } catch (FetchException e) {
            log.info("robots.txt of {} unreachable ({}); not fetching from that host for now", origin, e.getMessage());
        }
        return new Entry(RobotsRules.DISALLOW_ALL, Instant.now().plus(KEEP_FAILURE));
    }
}
