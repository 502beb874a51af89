package org.rxradar.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HttpFetcherTest {
    private final TestServer server;
    private final HttpFetcher fetcher = new HttpFetcher(FetchConfigs.small("target/unused"));

    HttpFetcherTest() throws Exception {
        server = new TestServer();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void sendsUserAgentAndReturnsBodyAndValidators() throws Exception {
        AtomicReference<String> agent = new AtomicReference<>();
        server.on("/ok", ex -> {
            agent.set(ex.getRequestHeaders().getFirst("User-Agent"));
            ex.getResponseHeaders().set("ETag", "\"v1\"");
            ex.getResponseHeaders().set("Last-Modified", "Tue, 24 Nov 2026 04:00:00 GMT");
            TestServer.send(ex, 200, "text/plain", "hello".getBytes(StandardCharsets.UTF_8));
        });
        FetchResponse r = fetcher.fetch(server.url("/ok"), Validators.NONE);
        assertThat(r.outcome()).isEqualTo(FetchResponse.Outcome.OK);
        assertThat(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo("hello");
        assertThat(r.validators().etag()).isEqualTo("\"v1\"");
        assertThat(agent.get()).isEqualTo("RxRadar-test/0.1");
    }

    @Test
    void conditionalGetYieldsNotModified() throws Exception {
        server.on("/c", ex -> {
            boolean match = "\"v1\"".equals(ex.getRequestHeaders().getFirst("If-None-Match"));
            TestServer.send(ex, match ? 304 : 200, "text/plain", match ? null : "x".getBytes());
        });
        FetchResponse r = fetcher.fetch(server.url("/c"), new Validators("\"v1\"", null));
        assertThat(r.outcome()).isEqualTo(FetchResponse.Outcome.NOT_MODIFIED);
        assertThat(r.body()).isNull();
    }

    @Test
    void gzipBodiesAreDecoded() throws Exception {
        server.on("/gz", ex -> {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            try (GZIPOutputStream gz = new GZIPOutputStream(b)) {
                gz.write("compressed feed".getBytes(StandardCharsets.UTF_8));
            }
            ex.getResponseHeaders().set("Content-Encoding", "gzip");
            TestServer.send(ex, 200, "text/xml", b.toByteArray());
        });
        FetchResponse r = fetcher.fetch(server.url("/gz"), Validators.NONE);
        assertThat(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo("compressed feed");
    }

    @Test
    void distinctOutcomesFor404And410And429WithRetryAfter() throws Exception {
        server.on("/404", ex -> TestServer.send(ex, 404, "text/html", new byte[500_000]));
        server.on("/410", ex -> TestServer.send(ex, 410, "text/plain", "gone".getBytes()));
        server.on("/429", ex -> {
            ex.getResponseHeaders().set("Retry-After", "120");
            TestServer.send(ex, 429, "text/plain", "slow down".getBytes());
        });
        assertThat(fetcher.fetch(server.url("/404"), Validators.NONE).outcome()).isEqualTo(FetchResponse.Outcome.NOT_FOUND);
        assertThat(fetcher.fetch(server.url("/410"), Validators.NONE).outcome()).isEqualTo(FetchResponse.Outcome.GONE);
        FetchResponse limited = fetcher.fetch(server.url("/429"), Validators.NONE);
        assertThat(limited.outcome()).isEqualTo(FetchResponse.Outcome.RETRY_LATER);
        assertThat(limited.retryAfter()).isEqualTo(Duration.ofSeconds(120));
    }

    @Test
    void followsRedirectsUpToTheLimitAndDetectsLoops() throws Exception {
        server.on("/a", ex -> { ex.getResponseHeaders().set("Location", "/b"); ex.sendResponseHeaders(302, -1); });
        server.on("/b", ex -> { ex.getResponseHeaders().set("Location", "/a"); ex.sendResponseHeaders(301, -1); });
        server.on("/r1", ex -> { ex.getResponseHeaders().set("Location", "/final"); ex.sendResponseHeaders(301, -1); });
        server.serve("/final", "text/plain", "landed");
        for (int i = 0; i < 6; i++) {
            int next = i + 1;
            server.on("/chain" + i, ex -> { ex.getResponseHeaders().set("Location", "/chain" + next); ex.sendResponseHeaders(302, -1); });
        }
        FetchResponse r = fetcher.fetch(server.url("/r1"), Validators.NONE);
        assertThat(r.finalUrl().getPath()).isEqualTo("/final");
        assertThatThrownBy(() -> fetcher.fetch(server.url("/a"), Validators.NONE)).hasMessageContaining("redirect loop");
        assertThatThrownBy(() -> fetcher.fetch(server.url("/chain0"), Validators.NONE)).hasMessageContaining("more than 3 redirects");
    }

    @Test
    void hugeBodyIsCutOffWithAClearError() throws Exception {
        // 200 MB announced by streaming without a length; the client stops at 1 MB
        server.on("/huge", ex -> {
            ex.getResponseHeaders().set("Content-Type", "application/rss+xml");
            ex.sendResponseHeaders(200, 0);
            byte[] chunk = new byte[64 * 1024];
            try (OutputStream out = ex.getResponseBody()) {
                for (int i = 0; i < 200 * 16; i++) out.write(chunk);
            }
        });
        server.on("/declared", ex -> {
            ex.sendResponseHeaders(200, 200L * 1024 * 1024);
            ex.getResponseBody().write(new byte[1024]);
        });
        long start = System.nanoTime();
        assertThatThrownBy(() -> fetcher.fetch(server.url("/huge"), Validators.NONE)).hasMessageContaining("larger than the limit");
        assertThatThrownBy(() -> fetcher.fetch(server.url("/declared"), Validators.NONE)).hasMessageContaining("larger than the limit");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void oneBytePerSecondServerIsCutOffByTheTotalTimeBound() throws Exception {
        server.on("/drip", ex -> {
            ex.sendResponseHeaders(200, 0);
            OutputStream out = ex.getResponseBody();
            for (int i = 0; i < 60; i++) {
                out.write('<');
                out.flush();
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        long start = System.nanoTime();
        assertThatThrownBy(() -> fetcher.fetch(server.url("/drip"), Validators.NONE)).hasMessageContaining("total time");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void silentServerIsCutOffByTheReadTimeout() throws Exception {
        server.on("/silent", ex -> {
            try {
                Thread.sleep(10_000);
            } catch (InterruptedException e) {
                return;
            }
        });
        long start = System.nanoTime();
        assertThatThrownBy(() -> fetcher.fetch(server.url("/silent"), Validators.NONE)).isInstanceOf(FetchException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));
    }

    @Test
    void serverThatStallsMidBodyIsCutOffByTheReadTimeout() throws Exception {
        // headers and a first chunk arrive, then nothing: the idle time between body bytes counts
        server.on("/stall", ex -> {
            ex.sendResponseHeaders(200, 0);
            OutputStream out = ex.getResponseBody();
            out.write("<rss>".getBytes(StandardCharsets.UTF_8));
            out.flush();
            try {
                Thread.sleep(10_000);
            } catch (InterruptedException e) {
                return;
            }
        });
        long start = System.nanoTime();
        assertThatThrownBy(() -> fetcher.fetch(server.url("/stall"), Validators.NONE)).hasMessageContaining("no data for");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));
    }

    @Test
    void fetchesDoNotStartAThreadEach() throws Exception {
        server.serve("/feed", "application/rss+xml", "<rss version=\"2.0\"><channel/></rss>");
        fetcher.fetch(server.url("/feed"), Validators.NONE); // the client's own threads start here
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long before = threads.getTotalStartedThreadCount();
        for (int i = 0; i < 40; i++) {
            assertThat(fetcher.fetch(server.url("/feed"), Validators.NONE).outcome()).isEqualTo(FetchResponse.Outcome.OK);
        }
        // the test server may start a few; one per request would be 40 or more
        assertThat(threads.getTotalStartedThreadCount() - before).isLessThan(20);
    }

    @Test
    void refusesNonHttpSchemes() {
        assertThatThrownBy(() -> fetcher.fetch(java.net.URI.create("file:///etc/passwd"), Validators.NONE))
                .hasMessageContaining("only http and https");
    }
}
