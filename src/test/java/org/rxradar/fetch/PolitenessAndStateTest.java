package org.rxradar.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PolitenessAndStateTest {

    @Test
    void robotsRulesPickOurGroupAndTheLongestMatch() {
        String txt = "# comment\nUser-agent: *\nDisallow: /\n\nUser-agent: RxRadar\nUser-agent: other\nDisallow: /private\n"
                + "Allow: /private/jobs$\nDisallow: /*.pdf\n";
        RobotsRules mine = RobotsRules.parse(txt, "RxRadar");
        assertThat(mine.allows("/careers")).isTrue();
        assertThat(mine.allows("/private/x")).isFalse();
        assertThat(mine.allows("/private/jobs")).isTrue();
        assertThat(mine.allows("/private/jobs/1")).isFalse();
        assertThat(mine.allows("/files/a.pdf")).isFalse();
        assertThat(RobotsRules.parse(txt, "SomeoneElse").allows("/careers")).isFalse();
        assertThat(RobotsRules.parse("", "RxRadar").allows("/")).isTrue();
    }

    @Test
    void hostLimiterSpacesRequestStartsAndCapsConcurrency() throws Exception {
        HostLimiter limiter = new HostLimiter(1, Duration.ofMillis(200));
        URI host = URI.create("http://a.example/feed");
        List<Long> starts = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(3);
        long t0 = System.nanoTime();
        for (int i = 0; i < 3; i++) {
            pool.submit(() -> {
                try (AutoCloseable permit = limiter.acquire(host)) {
                    synchronized (starts) {
                        starts.add((System.nanoTime() - t0) / 1_000_000);
                    }
                    Thread.sleep(20);
                }
                return null;
            });
        }
        // another host is not held up by the first one
        long other = System.nanoTime();
        try (AutoCloseable permit = limiter.acquire(URI.create("http://b.example/"))) {
            assertThat((System.nanoTime() - other) / 1_000_000).isLessThan(100);
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
        starts.sort(Long::compare);
        // lower bounds from t0 only: a busy machine can record a start late, never early, so the
        // spacing between two recorded starts may shrink while these bounds still hold
        assertThat(starts.get(1)).isGreaterThanOrEqualTo(195);
        assertThat(starts.get(2)).isGreaterThanOrEqualTo(395);
    }

    @Test
    void stateIsWrittenAtomicallyAndACorruptFileStartsAfresh(@TempDir Path dir) throws Exception {
        FetchStateStore store = new FetchStateStore(dir);
        SourceState s = SourceState.fresh("src/1", "http://e.org/feed");
        s.etag = "\"v9\"";
        s.seen.put("abc", new SourceState.Seen("h", Instant.parse("2030-01-01T00:00:00Z")));
        store.save(s);
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).allMatch(n -> n.endsWith(".json"));
        }
        SourceState back = store.load("src/1", "http://e.org/feed");
        assertThat(back.etag).isEqualTo("\"v9\"");
        assertThat(back.seen).containsKey("abc");

        SourceState moved = store.load("src/1", "http://e.org/new-feed");
        assertThat(moved.etag).isNull();            // validators belong to the old URL
        assertThat(moved.seen).containsKey("abc");  // seen ids still prevent republishing

        Files.writeString(store.file("src/1"), "{ truncated");
        assertThat(store.load("src/1", "http://e.org/feed").seen).isEmpty();
    }

    @Test
    void seenIdsExpire() {
        SourceState s = SourceState.fresh("s", "u");
        s.seen.put("old", new SourceState.Seen("h", Instant.parse("2020-01-01T00:00:00Z")));
        s.seen.put("new", new SourceState.Seen("h", Instant.parse("2099-01-01T00:00:00Z")));
        s.forgetExpired(Instant.parse("2026-01-01T00:00:00Z"));
        assertThat(s.seen).containsOnlyKeys("new");
    }
}
