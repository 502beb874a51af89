package org.rxradar.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** robots.txt through crawler-commons: Crawl-delay as a floor per host, the robots fetch under the host limit, encoded paths. */
class RobotsCacheTest {
    private final HttpFetcher http = new HttpFetcher(FetchConfigs.small(null));

    @Test
    void percentEncodedPathsMatchTheirDecodedForms() {
        RobotsRules rules = RobotsRules.parse("User-agent: *\nDisallow: /jobs/caf%C3%A9/\nDisallow: /%7Ejoe/\nDisallow: /jobs/naïve/\n"
                + "Disallow: /a%2Fb\n", "RxRadar");
        assertThat(rules.allows("/jobs/caf%c3%a9/1")).as("hex digits in either case").isFalse();
        assertThat(rules.allows("/jobs/caf%C3%A9/1")).isFalse();
        assertThat(rules.allows(URI.create("http://h.example/jobs/caf%C3%A9/1"))).isFalse();
        assertThat(rules.allows("/~joe/cv")).as("an encoded unreserved character").isFalse();
        assertThat(rules.allows("/jobs/na%C3%AFve/2")).as("a rule written in UTF-8, a path encoded").isFalse();
        assertThat(rules.allows("/jobs/cafe/1")).isTrue();
        assertThat(rules.allows("/a/b")).as("an encoded slash is not a slash").isTrue();
    }

    @Test
    void crawlDelayIsAFloorOnThatHostsDelayOnly() throws Exception {
        try (TestServer slow = new TestServer(); TestServer quick = new TestServer(); TestServer mine = new TestServer()) {
            slow.serve("/robots.txt", "text/plain", "User-agent: *\nCrawl-delay: 7\nDisallow: /private/\n");
            quick.serve("/robots.txt", "text/plain", "User-agent: *\nCrawl-delay: 0.5\n");
            // our own group's Crawl-delay, not the wildcard's
            mine.serve("/robots.txt", "text/plain", "User-agent: *\nCrawl-delay: 9\n\nUser-agent: RxRadar-test\nCrawl-delay: 3\nAllow: /\n");
            HostLimiter limiter = new HostLimiter(2, Duration.ofSeconds(1));
            RobotsCache robots = new RobotsCache(http, "RxRadar-test/0.1 (+mailto:ops@example.org)", limiter);

            assertThat(robots.allows(slow.url("/jobs"))).isTrue();
            assertThat(robots.allows(slow.url("/private/x"))).isFalse();
            assertThat(limiter.delay(slow.url("/jobs"))).isEqualTo(Duration.ofSeconds(7));
            assertThat(robots.allows(quick.url("/jobs"))).isTrue();
            assertThat(limiter.delay(quick.url("/jobs"))).as("shorter than configured: the configured delay stays").isEqualTo(Duration.ofSeconds(1));
            assertThat(robots.allows(mine.url("/jobs"))).isTrue();
            assertThat(limiter.delay(mine.url("/jobs"))).isEqualTo(Duration.ofSeconds(3));
            assertThat(limiter.delay(URI.create("http://other.example/"))).isEqualTo(Duration.ofSeconds(1));
            // cached: asking again fetches nothing
            int before = slow.requests.get();
            assertThat(robots.allows(slow.url("/more"))).isTrue();
            assertThat(slow.requests.get()).isEqualTo(before);
        }
    }

    @Test
    void aCrawlDelayOverFiveMinutesKeepsUsAway() throws Exception {
        try (TestServer server = new TestServer()) {
            server.serve("/robots.txt", "text/plain", "User-agent: *\nCrawl-delay: 3600\n");
            HostLimiter limiter = new HostLimiter(2, Duration.ZERO);
            assertThat(new RobotsCache(http, "RxRadar-test/0.1", limiter).allows(server.url("/jobs"))).isFalse();
        }
    }

    @Test
    void theRobotsFetchWaitsForTheHostsPermit() throws Exception {
        try (TestServer server = new TestServer()) {
            server.serve("/robots.txt", "text/plain", "User-agent: *\nDisallow: /private/\n");
            HostLimiter limiter = new HostLimiter(1, Duration.ZERO);
            RobotsCache robots = new RobotsCache(http, "RxRadar-test/0.1", limiter);
            URI page = server.url("/jobs");
            CompletableFuture<Boolean> allowed;
            try (AutoCloseable held = limiter.acquire(page)) {
                allowed = CompletableFuture.supplyAsync(() -> robots.allows(page));
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                while (limiter.waiting(page) == 0 && System.nanoTime() < deadline) Thread.sleep(5);
                assertThat(limiter.waiting(page)).as("the robots.txt fetch queues for the host").isEqualTo(1);
                assertThat(server.requests.get()).as("nothing asked while another request holds the host").isZero();
            }
            assertThat(allowed.get(10, TimeUnit.SECONDS)).isTrue();
            assertThat(server.requests.get()).isEqualTo(1);
        }
    }
}
