package org.rxradar.fetch;

import java.time.Instant;
import org.rxradar.config.RxRadarConfig;
import org.rxradar.fetch.ats.ListingClient;

/** The fetch stage's real {@link ListingClient}, for reader tests in other packages: real HTTP, a fresh source state. */
public final class ListingClients {
    private ListingClients() {}

    public static ListingClient real(RxRadarConfig.Fetch config, String sourceId, Instant now) {
        HttpFetcher http = new HttpFetcher(config);
        HostLimiter limiter = new HostLimiter(config.perHostConcurrency(), config.perHostDelay());
        return new ListingHttp(http, limiter, new RobotsCache(http, config.userAgent(), limiter), SourceState.fresh(sourceId, null), now);
    }
}
