package org.rxradar.feeds;

import org.rxradar.view.FeedView;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rxradar.config.ConfigException;
import org.rxradar.config.RxRadarConfig;
import org.rxradar.model.Json;
import org.rxradar.model.TaggedItem;
import org.rxradar.model.Taxonomy;
import org.rxradar.ops.HealthCheck;
import org.rxradar.ops.HealthStatus;
import org.rxradar.web.http.Exchange;
import org.rxradar.web.server.HttpApi;
import org.rxradar.web.server.LogCapture;
import org.w3c.dom.NodeList;

class HttpApiTest {
    static final String BASE = "https://rxradar.example.org";
    final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    final FeedView view = new FeedView();
    final AtomicBoolean brokerUp = new AtomicBoolean(true);
    final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    HttpApi api;

    @BeforeEach
    void start() {
        view.put(Items.job("h1", now.minusSeconds(600), List.of("hospital"), List.of("compounding"), "TX"));
        view.put(Items.job("r1", now.minusSeconds(300), List.of("retail"), List.of("workforce"), "CA"));
        view.put(Items.job("h2", now.minusSeconds(100), List.of("hospital", "government"), List.of(), "CA"));
        view.put(Items.news("n1", now.minusSeconds(60), List.of(), List.of("regulation")));
        HealthCheck health = () -> new HealthStatus(true, List.of(
                brokerUp.get() ? HealthStatus.Component.up("kafka", "broker reachable") : HealthStatus.Component.down("kafka", "broker unreachable"),
                HealthStatus.Component.up("consumer", "lag 0")));
        api = new HttpApi(new RxRadarConfig.Http(0, "127.0.0.1", BASE), view, health, registry);
        api.sourceNames(org.rxradar.config.SourceNames.of(List.of(new RxRadarConfig.Source("indeed", "rss", "job",
                "https://jobs.example.com/rss", null, "Indeed job search", null, null))));
        api.start();
    }

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void settingFeedHasItsEntriesWithCategoriesAuthorDatesAndContent() throws Exception {
        HttpResponse<byte[]> r = get("/feeds/settings/hospital.atom");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/atom+xml; charset=utf-8");
        SyndFeed feed = FeedWriterTest.parse(r.body());
        assertThat(feed.getEntries()).extracting(SyndEntry::getUri).containsExactly("urn:rxradar:item:h2", "urn:rxradar:item:h1");
        assertThat(feed.getUri()).isEqualTo(BASE + "/feeds/settings/hospital.atom");
        SyndEntry h2 = feed.getEntries().get(0);
        assertThat(h2.getCategories()).extracting(SyndCategory::getName).containsExactly("hospital", "government");
        assertThat(h2.getAuthor()).isEqualTo("Mercy Medical Center");
        assertThat(h2.getPublishedDate().toInstant()).isEqualTo(now.minusSeconds(100));
        assertThat(h2.getUpdatedDate()).isNotNull();
        assertThat(h2.getDescription().getValue()).contains("Fill prescriptions");
        assertThat(h2.getContents().get(0).getValue()).contains("$18.50\u2013$22.00/hr", "Austin, CA", "PTCB CPhT (required)",
                "<b>Source:</b> Indeed job search");

        SyndFeed rss = FeedWriterTest.parse(get("/feeds/topics/workforce.rss").body());
        assertThat(rss.getFeedType()).isEqualTo("rss_2.0");
        assertThat(rss.getEntries()).extracting(SyndEntry::getUri).containsExactly("urn:rxradar:item:r1");
        assertThat(rss.getEntries().get(0).getCategories()).extracting(SyndCategory::getName).contains("Retail", "Workforce"); // RSS: the label
    }

    @Test
    void namedFeedsAndQueryFilters() throws Exception {
        assertThat(entryIds("/feeds/jobs.atom")).containsExactly("h2", "r1", "h1");
        assertThat(entryIds("/feeds/news.atom")).containsExactly("n1");
        assertThat(entryIds("/feeds/all.rss")).containsExactly("n1", "h2", "r1", "h1");
        assertThat(entryIds("/feeds/all.atom?settings=hospital,retail&state=CA&kind=job")).containsExactly("h2", "r1");
        assertThat(entryIds("/feeds/jobs.atom?settings=hospital&state=tx")).containsExactly("h1");
        assertThat(entryIds("/feeds/settings/hospital.atom?topics=compounding")).containsExactly("h1");
        assertThat(entryIds("/feeds/jobs.atom?limit=1")).containsExactly("h2");
    }

    @Test
    void unknownIdIs404ListingTheValidIds() throws Exception {
        HttpResponse<String> r = getText("/feeds/settings/spaceport.atom");
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(r.body()).contains("spaceport").contains(String.join(", ", Taxonomy.SETTINGS));
        HttpResponse<String> t = getText("/feeds/topics/astrology.rss");
        assertThat(t.statusCode()).isEqualTo(404);
        assertThat(t.body()).contains(String.join(", ", Taxonomy.TOPICS));
        assertThat(getText("/feeds/settings/hospital.json").statusCode()).isEqualTo(404);
        assertThat(getText("/nowhere").body()).contains("/feeds.opml");
    }

    @Test
    void badQueryIs400SayingWhy() throws Exception {
        assertThat(getText("/feeds/jobs.atom?state=Texas")).satisfies(r -> {
            assertThat(r.statusCode()).isEqualTo(400);
            assertThat(r.body()).contains("two-letter");
        });
        assertThat(getText("/feeds/all.atom?kind=robot").body()).contains("unknown kind 'robot'");
        assertThat(getText("/feeds/all.atom?colour=blue").body()).contains("unknown parameter 'colour'");
        assertThat(getText("/feeds/all.atom?limit=lots").body()).contains("not a whole number");
        assertThat(getText("/feeds/all.atom?settings=spaceport").body()).contains("unknown setting 'spaceport'");
        assertThat(getText("/feeds/news.atom?kind=job").statusCode()).isEqualTo(400);
        assertThat(getText("/feeds/settings/hospital.atom?settings=retail").statusCode()).isEqualTo(400);
    }

    @Test
    void conditionalRequestsGet304UntilTheFeedChanges() throws Exception {
        HttpResponse<byte[]> first = get("/feeds/settings/hospital.atom");
        String etag = first.headers().firstValue("ETag").orElseThrow();
        String lastModified = first.headers().firstValue("Last-Modified").orElseThrow();
        assertThat(first.headers().firstValue("Cache-Control")).hasValue(FeedRoutes.FEED_CACHE_CONTROL);
        assertThat(lastModified).isEqualTo(FeedRoutes.httpDate(now.minusSeconds(40)));

        HttpResponse<byte[]> again = send(request("/feeds/settings/hospital.atom").header("If-None-Match", etag).build());
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
        assertThat(again.headers().firstValue("ETag")).hasValue(etag);
        assertThat(send(request("/feeds/settings/hospital.atom").header("If-None-Match", "\"other\", W/" + etag).build()).statusCode()).isEqualTo(304);
        assertThat(send(request("/feeds/settings/hospital.atom").header("If-None-Match", "\"other\"").build()).statusCode()).isEqualTo(200);
        assertThat(send(request("/feeds/settings/hospital.atom").header("If-Modified-Since", lastModified).build()).statusCode()).isEqualTo(304);

        // a change elsewhere keeps the ETag; a change in this feed replaces it
        view.put(Items.job("r2", now, List.of("retail"), List.of(), "TX"));
        assertThat(send(request("/feeds/settings/hospital.atom").header("If-None-Match", etag).build()).statusCode()).isEqualTo(304);
        view.put(Items.job("h3", now, List.of("hospital"), List.of(), "TX"));
        HttpResponse<byte[]> changed = send(request("/feeds/settings/hospital.atom").header("If-None-Match", etag).build());
        assertThat(changed.statusCode()).isEqualTo(200);
        assertThat(changed.headers().firstValue("ETag")).isPresent().get().isNotEqualTo(etag);
        assertThat(FeedWriterTest.parse(changed.body()).getEntries()).hasSize(3);

        assertThat(get("/feeds/settings/hospital.rss").headers().firstValue("ETag")).get().isNotEqualTo(changed.headers().firstValue("ETag").get());
    }

    @Test
    void gzipForClientsThatAskWithItsOwnETag() throws Exception {
        HttpResponse<byte[]> plain = get("/feeds/jobs.atom");
        HttpResponse<byte[]> gz = send(request("/feeds/jobs.atom").header("Accept-Encoding", "br, gzip").build());
        assertThat(gz.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(gz.headers().firstValue("Vary")).hasValue("Accept-Encoding");
        assertThat(gz.body().length).isLessThan(plain.body().length);
        byte[] unzipped = new java.util.zip.GZIPInputStream(new ByteArrayInputStream(gz.body())).readAllBytes();
        assertThat(unzipped).isEqualTo(plain.body());
        String gzTag = gz.headers().firstValue("ETag").orElseThrow();
        assertThat(gzTag).isNotEqualTo(plain.headers().firstValue("ETag").orElseThrow());
        assertThat(send(request("/feeds/jobs.atom").header("Accept-Encoding", "gzip").header("If-None-Match", gzTag).build()).statusCode())
                .isEqualTo(304);
        assertThat(send(request("/feeds/jobs.atom").header("Accept-Encoding", "gzip;q=0").build()).headers().firstValue("Content-Encoding"))
                .isEmpty();
    }

    @Test
    void opmlListsEveryFeed() throws Exception {
        HttpResponse<byte[]> r = get("/feeds.opml");
        assertThat(r.statusCode()).isEqualTo(200);
        NodeList outlines = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(r.body())).getElementsByTagName("outline");
        List<String> urls = new java.util.ArrayList<>();
        for (int i = 0; i < outlines.getLength(); i++) {
            String url = ((org.w3c.dom.Element) outlines.item(i)).getAttribute("xmlUrl");
            if (!url.isEmpty()) urls.add(url);
        }
        assertThat(urls).hasSize(2 * (3 + Taxonomy.SETTINGS.size() + Taxonomy.TOPICS.size()))
                .contains(BASE + "/feeds/settings/hospital.atom", BASE + "/feeds/topics/regulation.rss", BASE + "/feeds/jobs.atom");
        for (String url : urls) {
            assertThat(get(url.substring(BASE.length())).statusCode()).as(url).isEqualTo(200);
        }
    }

    @Test
    void healthIs200WhenReadyAnd503WhenNot() throws Exception {
        HttpResponse<String> up = getText("/health");
        assertThat(up.statusCode()).isEqualTo(200);
        JsonNode json = Json.MAPPER.readTree(up.body());
        assertThat(json.get("status").asText()).isEqualTo("UP");
        assertThat(json.get("live").asBoolean()).isTrue();
        assertThat(json.at("/components/kafka/status").asText()).isEqualTo("UP");
        assertThat(json.at("/items/jobs").asInt()).isEqualTo(3);

        brokerUp.set(false);
        HttpResponse<String> down = getText("/health");
        assertThat(down.statusCode()).isEqualTo(503);
        JsonNode d = Json.MAPPER.readTree(down.body());
        assertThat(d.get("ready").asBoolean()).isFalse();
        assertThat(d.get("live").asBoolean()).isTrue();
        assertThat(d.at("/components/kafka/detail").asText()).isEqualTo("broker unreachable");
        assertThat(getText("/health/live").statusCode()).isEqualTo(200);
    }

    @Test
    void metricsExposeHttpTimings() throws Exception {
        get("/feeds/settings/hospital.atom");
        getText("/feeds/settings/spaceport.atom");
        HttpResponse<String> r = getText("/metrics");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("http_server_requests_seconds_count{")
                .containsPattern("http_server_requests_seconds_count\\{method=\"GET\",outcome=\"SUCCESS\",status=\"200\",uri=\"/feeds/settings/\\{id\\}\"\\} 1")
                .containsPattern("status=\"404\",uri=\"/feeds/settings/\\{id\\}\"")
                .contains("rxradar_feeds_view_items 4");
    }

    @Test
    void homePageListsFeedsCountsAndEscapedLeads() throws Exception {
        view.put(Items.retitled(Items.job("x", now, List.of("clinic"), List.of(), "NY"), "Tech <img src=x onerror=alert(1)>", now));
        HttpResponse<String> r = getText("/");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
        assertThat(r.body()).contains("<a href=\"/feeds/settings/hospital.atom\">Hospital</a> (2)", "/feeds/topics/regulation.atom",
                        "Tech &lt;img src=x onerror=alert(1)&gt;", "href=\"/trends.html\"", "/feeds.opml")
                .doesNotContain("<img");
        // the leads come first, before the feeds
        assertThat(r.body().indexOf("id=\"latest-leads\"")).isLessThan(r.body().indexOf("id=\"feeds\""));
        HttpResponse<String> css = getText("/assets/style.css");
        assertThat(css.statusCode()).isEqualTo(200);
        assertThat(css.headers().firstValue("Content-Type")).hasValue("text/css; charset=utf-8");
        assertThat(css.headers().firstValue("Cache-Control")).hasValueSatisfying(c -> assertThat(c).contains("max-age"));
        assertThat(css.body()).contains("prefers-color-scheme: dark", ":focus-visible");
    }

    @Test
    void headAndOtherMethods() throws Exception {
        HttpResponse<byte[]> head = send(request("/feeds/jobs.atom").method("HEAD", HttpRequest.BodyPublishers.noBody()).build());
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.headers().firstValue("ETag")).isPresent();
        HttpResponse<byte[]> post = send(request("/feeds/jobs.atom").POST(HttpRequest.BodyPublishers.ofString("x")).build());
        assertThat(post.statusCode()).isEqualTo(405);
        assertThat(post.headers().firstValue("Allow")).hasValue("GET, HEAD");
    }

    @Test
    void extraRoutesAreServedAndTimed() throws Exception {
        try (HttpApi withForm = new HttpApi(new RxRadarConfig.Http(0, "127.0.0.1", ""), view, HealthCheck.alwaysReady(), registry)) {
            withForm.routes().post("/subscriptions", ex -> ex.send(202, Exchange.TEXT, Exchange.NO_STORE, "got " + ex.method()));
            withForm.start();
            HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + withForm.port() + "/subscriptions"))
                    .POST(HttpRequest.BodyPublishers.ofString("email=a@example.org")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(202);
            assertThat(r.body()).isEqualTo("got POST");
            // a request is timed once its answer is out, which the client may see first
            String timed = "http_server_requests_seconds_count\\{method=\"POST\",outcome=\"SUCCESS\",status=\"202\",uri=\"/subscriptions\"\\} 1";
            for (int i = 0; i < 50 && !java.util.regex.Pattern.compile(timed).matcher(registry.scrape()).find(); i++) Thread.sleep(20);
            assertThat(registry.scrape()).containsPattern(timed);
            assertThat(client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + withForm.port() + "/feeds/jobs.atom")).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void aFailingRouteIsAnswered500WithOneLogLineAndNeitherStackNorQuery() throws Exception {
        try (HttpApi failing = new HttpApi(new RxRadarConfig.Http(0, "127.0.0.1", ""), view, HealthCheck.alwaysReady(), registry);
             LogCapture logs = new LogCapture()) {
            failing.routes().get("/boom", ex -> {
                throw new IllegalStateException("the database is on fire");
            });
            failing.routes().get("/silent", ex -> { }); // returns without an answer
            failing.start();
            String base = "http://127.0.0.1:" + failing.port();
            HttpResponse<String> boom = client.send(HttpRequest.newBuilder(URI.create(base + "/boom?token=s3cret-token")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(boom.statusCode()).isEqualTo(500);
            assertThat(boom.body()).contains("Internal error").doesNotContain("IllegalState", "Exception", "fire", "s3cret");
            HttpResponse<String> silent = client.send(HttpRequest.newBuilder(URI.create(base + "/silent")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(silent.statusCode()).isEqualTo(500);
            assertThat(silent.body()).doesNotContain("Exception");

            assertThat(logs.warnings()).singleElement().satisfies(e -> {
                assertThat(e.getFormattedMessage()).contains("GET /boom", "the database is on fire").doesNotContain("s3cret", "\n");
                assertThat(e.getThrowableProxy()).as("no stack trace").isNull();
            });
            // the server still answers
            assertThat(client.send(HttpRequest.newBuilder(URI.create(base + "/health/live")).build(), HttpResponse.BodyHandlers.ofString())
                    .statusCode()).isEqualTo(200);
        }
    }

    @Test
    void requestsTheServerRefusesGetAPlainStatusNamingNoJavaException() throws Exception {
        List<String> malformed = List.of(
                "GET /feeds/jobs.atom?state=a|b{c} HTTP/1.1\r\nHost: x\r\n\r\n",        // not a valid URI
                "POST /feeds/jobs.atom HTTP/1.1\r\nHost: x\r\nContent-Length: lots\r\n\r\n", // not a number
                "GET /feeds/jobs.atom HTTP/1.1\r\nHost: x\r\nX-Big: " + "b".repeat(20_000) + "\r\n\r\n",
                "GET /feeds/jobs.atom HTTP/1.1\r\nHost: x\r\nBad Header Name: 1\r\n\r\n");
        for (String request : malformed) {
            String answer = raw(api.port(), request);
            String label = request.substring(0, Math.min(60, request.length()));
            assertThat(answer).as(label).matches("(?s)HTTP/1\\.1 4\\d\\d .*");
            assertThat(answer).as(label).doesNotContainPattern("(?i)exception|java\\.|\\bat org\\.");
        }
    }

    @Test
    void bodiesOverTheLimitAre413WhetherDeclaredOrChunked() throws Exception {
        try (HttpApi echo = new HttpApi(new RxRadarConfig.Http(0, "127.0.0.1", ""), view, HealthCheck.alwaysReady(), registry)) {
            echo.routes().post("/echo", ex -> ex.send(200, Exchange.TEXT, Exchange.NO_STORE, "read " + ex.body(1 << 20).length));
            echo.start();
            URI uri = URI.create("http://127.0.0.1:" + echo.port() + "/echo");
            byte[] small = new byte[10_000];
            byte[] big = new byte[200_000];
            HttpResponse<String> ok = client.send(HttpRequest.newBuilder(uri).POST(HttpRequest.BodyPublishers.ofByteArray(small)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(ok.body()).isEqualTo("read 10000");
            HttpResponse<String> declared = client.send(HttpRequest.newBuilder(uri).POST(HttpRequest.BodyPublishers.ofByteArray(big)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(declared.statusCode()).isEqualTo(413);
            assertThat(declared.body()).contains("larger than 64 KB").doesNotContain("Exception");
            HttpResponse<String> chunked = client.send(HttpRequest.newBuilder(uri)
                    .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big))).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(chunked.statusCode()).isEqualTo(413);
        }
    }

    @Test
    void takenPortIsAConfigErrorNamingHttpPort() {
        HttpApi second = new HttpApi(new RxRadarConfig.Http(api.port(), "127.0.0.1", ""), view, HealthCheck.alwaysReady(), registry);
        assertThatThrownBy(second::start).isInstanceOf(ConfigException.class)
                .satisfies(e -> assertThat(((ConfigException) e).key()).isEqualTo("http.port"))
                .hasMessageContaining("http.port").hasMessageContaining(String.valueOf(api.port()));
    }

    @Test
    void linksUseTheActualPortWhenNoBaseUrlIsSet() throws Exception {
        try (HttpApi local = new HttpApi(new RxRadarConfig.Http(0, "127.0.0.1", ""), view, HealthCheck.alwaysReady(), registry)) {
            local.start();
            HttpResponse<byte[]> r = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + local.port() + "/feeds/jobs.atom")).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(FeedWriterTest.parse(r.body()).getUri()).isEqualTo("http://localhost:" + local.port() + "/feeds/jobs.atom");
        }
    }

    /** Sends bytes as they are (no client would send them) and returns the whole answer. */
    private static String raw(int port, String request) throws Exception {
        try (java.net.Socket s = new java.net.Socket("127.0.0.1", port)) {
            s.setSoTimeout(10_000);
            s.getOutputStream().write(request.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
            s.getOutputStream().flush();
            s.shutdownOutput();
            return new String(s.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.ISO_8859_1);
        } catch (java.net.SocketException reset) {
            return "(reset: " + reset.getMessage() + ")";
        }
    }

    private List<String> entryIds(String path) throws Exception {
        HttpResponse<byte[]> r = get(path);
        assertThat(r.statusCode()).as(path).isEqualTo(200);
        return FeedWriterTest.parse(r.body()).getEntries().stream().map(e -> e.getUri().substring("urn:rxradar:item:".length())).toList();
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.port() + path)).timeout(Duration.ofSeconds(10));
    }

    private HttpResponse<byte[]> get(String path) throws Exception {
        return send(request(path).build());
    }

    private HttpResponse<String> getText(String path) throws Exception {
        return client.send(request(path).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<byte[]> send(HttpRequest req) throws Exception {
        return client.send(req, HttpResponse.BodyHandlers.ofByteArray());
    }
}
