package org.rxradar.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rxradar.config.RxRadarConfig;
import org.rxradar.model.Item;
import org.rxradar.model.Kind;

class FetchStageTest {
    @TempDir
    Path state;
    private final TestServer server;
    private final List<Item> published = new CopyOnWriteArrayList<>();
    private final ItemSink sink = published::add;

    FetchStageTest() throws Exception {
        server = new TestServer();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static String feed(String... titles) {
        StringBuilder s = new StringBuilder("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>F</title><link>http://e.org/</link>");
        for (String t : titles) {
            s.append("<item><guid>").append(t.split(":")[0]).append("</guid><title>").append(t).append("</title><link>http://e.org/")
                    .append(t.split(":")[0]).append("</link></item>");
        }
        return s.append("</channel></rss>").toString();
    }

    private RxRadarConfig config(RxRadarConfig.Source... sources) {
        return new RxRadarConfig(null, null, FetchConfigs.small(state.toString()), List.of(sources), null, null, null, null);
    }

    private RxRadarConfig.Source source(String id, String type, String kind, String path) {
        return new RxRadarConfig.Source(id, type, kind, server.url(path).toString(), Duration.ofMillis(300), null, Map.of(), true);
    }

    @Test
    void publishesOnceThen304AndRestartPublishNothingAndChangesAreUpdates() {
        AtomicReference<String> body = new AtomicReference<>(feed("a", "b", "a"));
        AtomicInteger notModified = new AtomicInteger();
        AtomicReference<Boolean> honourEtag = new AtomicReference<>(true);
        server.on("/feed", ex -> {
            String etag = "\"" + body.get().hashCode() + "\"";
            if (honourEtag.get() && etag.equals(ex.getRequestHeaders().getFirst("If-None-Match"))) {
                notModified.incrementAndGet();
                ex.sendResponseHeaders(304, -1);
                return;
            }
            ex.getResponseHeaders().set("ETag", etag);
            TestServer.send(ex, 200, "application/rss+xml", body.get().getBytes(StandardCharsets.UTF_8));
        });
        RxRadarConfig cfg = config(source("news", "rss", "news", "/feed"));

        try (FetchStage stage = new FetchStage(cfg, sink)) {
            FetchReport first = stage.runOnce();
            assertThat(first.get("news").status()).isEqualTo(SourceReport.Status.OK);
            assertThat(published).extracting(Item::title).containsExactly("a", "b"); // duplicate GUID counted once
            FetchReport second = stage.runOnce();
            assertThat(second.get("news").status()).isEqualTo(SourceReport.Status.NOT_MODIFIED);
            assertThat(notModified.get()).isEqualTo(1);
            assertThat(published).hasSize(2);
        }

        honourEtag.set(false); // the server forgets validators; seen ids must still hold across a restart
        try (FetchStage restarted = new FetchStage(cfg, sink)) {
            FetchReport again = restarted.runOnce();
            assertThat(again.get("news").found()).isEqualTo(2);
            assertThat(again.get("news").published()).isZero();
            assertThat(published).hasSize(2);

            body.set(feed("a", "b:changed title", "c"));
            FetchReport changed = restarted.runOnce();
            assertThat(changed.get("news").published()).isEqualTo(2);
            assertThat(changed.get("news").updated()).isEqualTo(1);
        }
        Item update = published.stream().filter(i -> "b:changed title".equals(i.title())).findFirst().orElseThrow();
        Item original = published.get(1);
        assertThat(update.id()).isEqualTo(original.id());
        assertThat(update.updated()).isNotNull();
        assertThat(original.updated()).isNull();
        assertThat(published.get(published.size() - 1).title()).isEqualTo("c");
    }

    @Test
    void goneSourceIsPausedAtOnceAndNotAskedAgain() {
        server.on("/gone", ex -> TestServer.send(ex, 410, "text/plain", "bye".getBytes()));
        try (FetchStage stage = new FetchStage(config(source("old", "rss", "news", "/gone")), sink)) {
            assertThat(stage.runOnce().get("old").status()).isEqualTo(SourceReport.Status.GONE);
            int requests = server.requests.get();
            SourceReport paused = stage.runOnce().get("old");
            assertThat(paused.status()).isEqualTo(SourceReport.Status.PAUSED);
            assertThat(paused.message()).contains("410");
            assertThat(server.requests.get()).isEqualTo(requests);
        }
    }

    @Test
    void consecutiveErrorsPauseTheSourceAfterTheConfiguredCount() {
        server.on("/missing", ex -> TestServer.send(ex, 404, "text/plain", "no".getBytes()));
        try (FetchStage stage = new FetchStage(config(source("m", "rss", "news", "/missing")), sink)) {
            for (int i = 0; i < 3; i++) assertThat(stage.runOnce().get("m").status()).isEqualTo(SourceReport.Status.ERROR);
            assertThat(stage.runOnce().get("m").status()).isEqualTo(SourceReport.Status.PAUSED);
        }
    }

    @Test
    void oneBadSourceNeverStopsTheOthers() {
        server.serve("/good", "application/rss+xml", feed("x", "y"));
        server.on("/drip", ex -> {
            ex.sendResponseHeaders(200, 0);
            OutputStream out = ex.getResponseBody();
            for (int i = 0; i < 30; i++) {
                out.write(' ');
                out.flush();
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        server.serve("/html", "text/html", "<html><body>not a feed</body></html>");
        server.on("/busy", ex -> {
            ex.getResponseHeaders().set("Retry-After", "3600");
            TestServer.send(ex, 429, "text/plain", "later".getBytes());
        });
        RxRadarConfig cfg = config(source("drip", "rss", "news", "/drip"), source("good", "rss", "news", "/good"),
                source("html", "rss", "news", "/html"), source("busy", "rss", "news", "/busy"),
                new RxRadarConfig.Source("broken", "rss", "news", "not a url at all", null, null, Map.of(), true),
                new RxRadarConfig.Source("typo", "web", "job", server.url("/good").toString(), null, null, Map.of("item", "li", "titel", "a"), true));
        try (FetchStage stage = new FetchStage(cfg, sink)) {
            long start = System.nanoTime();
            FetchReport report = stage.runOnce();
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(6));
            assertThat(report.get("good").published()).isEqualTo(2);
            assertThat(report.get("drip").message()).contains("total time");
            assertThat(report.get("html").message()).contains("HTML page");
            assertThat(report.get("busy").retryAfter()).isEqualTo(Duration.ofHours(1));
            assertThat(report.get("broken").status()).isEqualTo(SourceReport.Status.ERROR);
            assertThat(report.get("typo").message()).contains("unknown selector key 'titel'");
            assertThat(report.failed()).isEqualTo(5);
        }
    }

    @Test
    void webSourcesObeyRobotsTxtAndReadJobPostings() {
        server.serve("/robots.txt", "text/plain", "User-agent: *\nDisallow: /private/\n\nUser-agent: OtherBot\nDisallow: /\n");
        server.serve("/private/jobs", "text/html", "<html></html>");
        server.serve("/careers", "text/html", "<html><head><script type=\"application/ld+json\">{\"@context\":\"https://schema.org\","
                + "\"@type\":\"JobPosting\",\"title\":\"Pharmacy Technician\",\"hiringOrganization\":{\"name\":\"Acme\"}}</script></head></html>");
        RxRadarConfig cfg = config(source("private", "web", "job", "/private/jobs"), source("careers", "web", "job", "/careers"));
        try (FetchStage stage = new FetchStage(cfg, sink)) {
            FetchReport report = stage.runOnce();
            assertThat(report.get("private").status()).isEqualTo(SourceReport.Status.DISALLOWED);
            assertThat(report.get("careers").published()).isEqualTo(1);
            assertThat(published.get(0).kind()).isEqualTo(Kind.JOB);
            assertThat(published.get(0).employer()).isEqualTo("Acme");
        }
    }

    @Test
    void selectorSourcesFollowNextPagesAndNewItemsDetailPages() {
        server.serve("/list/1", "text/html", "<ul><li class=job><a href=\"/job/1\">Tech One</a></li></ul><a class=next href=\"/list/2\">next</a>");
        server.serve("/list/2", "text/html", "<ul><li class=job><a href=\"/job/2\">Tech Two</a></li></ul><a class=next href=\"/list/3\">next</a>");
        server.serve("/list/3", "text/html", "<ul><li class=job><a href=\"/job/3\">Beyond the page limit</a></li></ul>");
        AtomicInteger details = new AtomicInteger();
        server.on("/job/", ex -> {
            details.incrementAndGet();
            String n = ex.getRequestURI().getPath().substring(5);
            String page = "<script type=\"application/ld+json\">{\"@type\":\"JobPosting\",\"title\":\"x\",\"description\":\"Detail " + n
                    + "\",\"hiringOrganization\":\"Employer " + n + "\",\"datePosted\":\"2026-11-0" + n + "\"}</script>";
            TestServer.send(ex, 200, "text/html", page.getBytes(StandardCharsets.UTF_8));
        });
        RxRadarConfig.Source board = new RxRadarConfig.Source("board", "web", "job", server.url("/list/1").toString(),
                Duration.ofMinutes(5), null, Map.of("item", "li.job", "title", "a", "next", "a.next", "max-pages", "2", "detail", "json-ld"), true);
        try (FetchStage stage = new FetchStage(config(board), sink)) {
            FetchReport first = stage.runOnce();
            assertThat(first.get("board").published()).isEqualTo(2);
            assertThat(published).extracting(Item::title).containsExactly("Tech One", "Tech Two");
            assertThat(published).extracting(Item::employer).containsExactly("Employer 1", "Employer 2");
            assertThat(published.get(1).summary()).isEqualTo("Detail 2");
            assertThat(published.get(1).publishedEstimated()).isFalse();
            assertThat(details.get()).isEqualTo(2);
            stage.runOnce();
            assertThat(details.get()).isEqualTo(2); // seen items' detail pages are not fetched again
            assertThat(published).hasSize(2);
        }
    }

    @Test
    void scheduledPollingPublishesAndStopsOnClose() throws Exception {
        server.serve("/feed", "application/rss+xml", feed("p1"));
        FetchStage stage = new FetchStage(config(source("s", "rss", "news", "/feed")), sink);
        stage.start();
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (published.isEmpty() && System.nanoTime() < deadline) Thread.sleep(50);
        Thread.sleep(800); // several more polls happen; nothing is published twice
        stage.close();
        assertThat(published).extracting(Item::title).containsExactly("p1");
        assertThat(server.requests.get()).isGreaterThan(1);
    }

    @Test
    void theFirstPassEndsWhenEverySourceWasPolledOnceFailuresIncluded() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        server.on("/slow", ex -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            TestServer.send(ex, 200, "application/rss+xml", feed("slow1").getBytes(StandardCharsets.UTF_8));
        });
        server.on("/broken", ex -> TestServer.send(ex, 500, "text/plain", "down".getBytes(StandardCharsets.UTF_8)));
        try (FetchStage stage = new FetchStage(config(source("slow", "rss", "news", "/slow"), source("broken", "rss", "news", "/broken")), sink)) {
            stage.start();
            assertThat(stage.awaitFirstPass(Duration.ofMillis(1000))).as("the slow source is still being fetched").isFalse();
            assertThat(stage.firstPassPending()).isEqualTo(1);
            release.countDown();
            assertThat(stage.awaitFirstPass(Duration.ofSeconds(10))).isTrue();
            // its items were handed to the sink before the pass counted it
            assertThat(published).extracting(Item::title).containsExactly("slow1");
        }
    }

    @Test
    void aPollWaitingToBeStoredDoesNotHoldAFetchSlotAndFetchThreadsStillBoundsTheRequests() throws Exception {
        int threads = 2;
        int sources = 6;
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger mostInFlight = new AtomicInteger();
        for (int i = 0; i < sources; i++) {
            String body = feed("s" + i + "a", "s" + i + "b");
            server.on("/f" + i, ex -> {
                mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                try {
                    Thread.sleep(20); // requests overlap if more than fetch.threads are let through
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    inFlight.decrementAndGet();
                }
                TestServer.send(ex, 200, "application/rss+xml", body.getBytes(StandardCharsets.UTF_8));
            });
        }
        // a sink whose commits wait until every source's poll is waiting to be stored: with the
        // workers held by their polls in storage, only fetch.threads sources would ever get there
        CountDownLatch allWaiting = new CountDownLatch(sources);
        CountDownLatch commit = new CountDownLatch(1);
        List<String> stored = new CopyOnWriteArrayList<>();
        PollSink slowSink = (source, before, after, items) -> {
            allWaiting.countDown();
            try {
                commit.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted");
            }
            items.forEach(it -> stored.add(it.title()));
        };
        RxRadarConfig.Fetch f = new RxRadarConfig.Fetch("RxRadar-test/0.1", Duration.ofSeconds(2), Duration.ofSeconds(2),
                Duration.ofSeconds(3), "1MB", 3, threads, 8, Duration.ZERO, 3, state.toString());
        RxRadarConfig.Source[] list = new RxRadarConfig.Source[sources];
        for (int i = 0; i < sources; i++) list[i] = source("s" + i, "rss", "news", "/f" + i);
        RxRadarConfig config = new RxRadarConfig(null, null, f, List.of(list), null, null, null, null);
        try (FetchStage stage = new FetchStage(config, new SourceFetcher(f, new HttpFetcher(f), new FetchStateStore(state), slowSink))) {
            AtomicReference<FetchReport> report = new AtomicReference<>();
            Thread pass = new Thread(() -> report.set(stage.runOnce()));
            pass.start();
            assertThat(allWaiting.await(30, java.util.concurrent.TimeUnit.SECONDS)).as("every poll reached the sink").isTrue();
            assertThat(stage.freeSlots()).as("no slot is held by a poll being stored").isEqualTo(threads);
            commit.countDown();
            pass.join();
            assertThat(report.get().published()).isEqualTo(2 * sources);
            assertThat(report.get().failed()).isZero();
        }
        assertThat(mostInFlight.get()).as("requests at once").isBetween(1, threads);
        assertThat(stored).hasSize(2 * sources).doesNotHaveDuplicates();
        assertThat(server.requests.get()).isEqualTo(sources);
    }

    @Test
    void backoffGrowsWithConsecutiveErrorsAndHonoursRetryAfter() {
        RxRadarConfig.Source s = new RxRadarConfig.Source("s", "rss", "news", "http://e.org/", Duration.ofMinutes(10), null, Map.of(), true);
        SourceState st = SourceState.fresh("s", "http://e.org/");
        SourceReport ok = new SourceReport("s", SourceReport.Status.OK, 0, 0, 0, null, null);
        assertThat(SourceFetcher.nextDelay(s, st, ok, 0.5)).isEqualTo(Duration.ofMinutes(10));
        assertThat(SourceFetcher.nextDelay(s, st, ok, 0.0)).isEqualTo(Duration.ofMinutes(9));
        SourceReport err = SourceReport.error("s", SourceReport.Status.ERROR, "x", null);
        st.consecutiveErrors = 3;
        assertThat(SourceFetcher.nextDelay(s, st, err, 0.5)).isEqualTo(Duration.ofMinutes(40));
        st.consecutiveErrors = 1;
        SourceReport limited = SourceReport.error("s", SourceReport.Status.ERROR, "429", Duration.ofHours(2));
        assertThat(SourceFetcher.nextDelay(s, st, limited, 0.5)).isEqualTo(Duration.ofHours(2));
    }
}
