package org.rxradar.web.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rxradar.web.server.HttpLimits;
import org.rxradar.web.server.LogCapture;
import org.rxradar.web.server.NioHttpServer;

/** The router on the real server (Jetty on a free loopback port), asked by the JDK's client. */
class RouterTest {
    final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    final Router router = new Router(registry, "Try /things");
    NioHttpServer server;

    @BeforeEach
    void start() throws Exception {
        router.get("/things", ex -> ex.send(200, Exchange.TEXT, "public, max-age=60", "all things\n"));
        router.post("/things", ex -> ex.send(201, Exchange.TEXT, Exchange.NO_STORE, "made " + new String(ex.body(100))));
        router.get("/things/{id}", ex -> ex.send(200, Exchange.TEXT, "public, max-age=60", "thing " + ex.param("id")));
        router.get("/charts/{name}.svg", ex -> ex.send(200, "image/svg+xml", "public, max-age=60", "<svg id='" + ex.param("name") + "'/>"));
        router.get("/files/{rest*}", ex -> ex.send(200, Exchange.TEXT, "no-cache", ex.param("rest")));
        router.get("/search", ex -> {
            Query q = ex.query().allowOnly(List.of("tag", "page", "text"));
            int page = q.intValue("page", 1, 1, 50);
            ex.send(200, Exchange.TEXT, "no-cache", q.all("tag") + " " + page + " " + q.first("text").orElse("-"));
        });
        router.get("/boom", ex -> {
            throw new IllegalStateException("the disk is full");
        });
        router.get("/gone", ex -> {
            throw HttpProblem.notFound("That thing is gone\n");
        });
        router.add("/confirm", ex -> ex.send(200, Exchange.TEXT, Exchange.NO_STORE, "ok"), "GET", "POST");
        router.notFoundHint("/things/", "Things have short ids: /things/42");
        server = new NioHttpServer("127.0.0.1", 0, HttpLimits.DEFAULT, router);
        server.bind();
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void anotherMethodIs405WithAllowListingWhatThePathHas() throws Exception {
        HttpResponse<String> put = send("PUT", "/things");
        assertThat(put.statusCode()).isEqualTo(405);
        assertThat(put.headers().firstValue("Allow")).hasValue("GET, HEAD, POST");
        assertThat(put.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(put.body()).contains("PUT").doesNotContain("Exception");
        assertThat(send("DELETE", "/things/7").headers().firstValue("Allow")).hasValue("GET, HEAD");
        // a route added with its methods spelled out gets exactly those: no HEAD here
        HttpResponse<String> head = send("HEAD", "/confirm");
        assertThat(head.statusCode()).isEqualTo(405);
        assertThat(head.headers().firstValue("Allow")).hasValue("GET, POST");
        assertThat(send("POST", "/things").statusCode()).isEqualTo(201);
    }

    @Test
    void headOfAGetRouteHasItsHeadersAndLengthButNoBody() throws Exception {
        HttpResponse<String> get = send("GET", "/things/42");
        HttpResponse<String> head = send("HEAD", "/things/42");
        assertThat(get.body()).isEqualTo("thing 42");
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
        assertThat(head.headers().firstValue("Content-Length")).hasValue("8");
        assertThat(head.headers().firstValue("Content-Type")).isEqualTo(get.headers().firstValue("Content-Type"));
        assertThat(head.headers().firstValue("Cache-Control")).hasValue("public, max-age=60");
    }

    @Test
    void templatesTakeASegmentPartOfOneOrTheRest() throws Exception {
        assertThat(send("GET", "/charts/pay.svg").body()).isEqualTo("<svg id='pay'/>");
        assertThat(send("GET", "/files/a/b/c.txt").body()).isEqualTo("a/b/c.txt");
        assertThat(send("GET", "/things/42/more").statusCode()).as("{id} is one segment").isEqualTo(404);
        assertThat(send("GET", "/charts/pay.png").statusCode()).isEqualTo(404);
    }

    @Test
    void unknownPathIs404WithOneHelpfulLineNotCached() throws Exception {
        HttpResponse<String> r = send("GET", "/nothing-here");
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(r.body()).isEqualTo("Not found: /nothing-here. Try /things\n");
        assertThat(r.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(r.headers().firstValue("Content-Type")).hasValue("text/plain; charset=utf-8");
        // the longest prefix with a hint gives it
        assertThat(send("GET", "/things/1/2").body()).isEqualTo("Not found: /things/1/2. Things have short ids: /things/42\n");
        HttpResponse<String> gone = send("GET", "/gone");
        assertThat(gone.statusCode()).isEqualTo(404);
        assertThat(gone.body()).isEqualTo("That thing is gone\n");
        assertThat(gone.headers().firstValue("Cache-Control")).hasValue("no-store");
    }

    @Test
    void aThrowingRouteIs500WithOneLogLineNamingThePathNotTheQuery() throws Exception {
        try (LogCapture logs = new LogCapture()) {
            HttpResponse<String> r = send("GET", "/boom?token=s3cret-token");
            assertThat(r.statusCode()).isEqualTo(500);
            assertThat(r.headers().firstValue("Cache-Control")).hasValue("no-store");
            assertThat(r.body()).contains("Internal error").doesNotContain("IllegalState", "disk", "s3cret");
            assertThat(logs.warnings()).singleElement().satisfies(e -> {
                assertThat(e.getFormattedMessage()).contains("GET /boom", "the disk is full").doesNotContain("s3cret", "token", "\n");
                assertThat(e.getThrowableProxy()).as("no stack trace").isNull();
            });
        }
        assertThat(send("GET", "/things").statusCode()).as("still serving").isEqualTo(200);
    }

    @Test
    void queriesAreDecodedOnceWithRepeatedKeysAndABadValueIs400NamingTheParameter() throws Exception {
        assertThat(send("GET", "/search?tag=a&tag=b%2Cc&page=3&text=caf%C3%A9+au+lait").body()).isEqualTo("[a, b,c] 3 café au lait");
        assertThat(send("GET", "/search").body()).isEqualTo("[] 1 -");
        HttpResponse<String> badPage = send("GET", "/search?page=lots");
        assertThat(badPage.statusCode()).isEqualTo(400);
        assertThat(badPage.body()).isEqualTo("Bad query: page must be one whole number from 1 to 50\n");
        assertThat(badPage.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(send("GET", "/search?page=99").statusCode()).isEqualTo(400);
        assertThat(send("GET", "/search?page=1&page=2").statusCode()).isEqualTo(400);
        HttpResponse<String> unknown = send("GET", "/search?colour=red");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).startsWith("Bad query: unknown parameter 'colour'").contains("tag, page, text");
        // broken percent-encoding: no client library sends it, so asked of the parser itself
        assertThatThrownBy(() -> Query.parse("text=%ZZ")).isInstanceOf(HttpProblem.class)
                .satisfies(e -> assertThat(((HttpProblem) e).status()).isEqualTo(400)).hasMessageContaining("malformed percent-encoding in 'text=%ZZ'");
    }

    @Test
    void requestsAreTimedByTheirTemplate() throws Exception {
        send("GET", "/things/1");
        send("GET", "/things/2");
        send("GET", "/nowhere");
        send("PATCH", "/things/3");
        String timed = "http_server_requests_seconds_count\\{method=\"GET\",outcome=\"SUCCESS\",status=\"200\",uri=\"/things/\\{id\\}\"\\} 2";
        // a request is timed once its answer is out, which the client may see first
        for (int i = 0; i < 50 && !java.util.regex.Pattern.compile(timed).matcher(registry.scrape()).find(); i++) Thread.sleep(20);
        assertThat(registry.scrape()).containsPattern(timed)
                .containsPattern("status=\"404\",uri=\"NOT_FOUND\"")
                .containsPattern("method=\"PATCH\",outcome=\"CLIENT_ERROR\",status=\"405\",uri=\"/things/\\{id\\}\"");
    }

    @Test
    void queryParsingOnItsOwn() {
        Query q = Query.parse("a=1&&b=x+y&a=%26&c");
        assertThat(q.asMap()).containsExactly(java.util.Map.entry("a", List.of("1", "&")), java.util.Map.entry("b", List.of("x y")),
                java.util.Map.entry("c", List.of("")));
        assertThat(Query.parse(null).isEmpty()).isTrue();
        assertThatThrownBy(() -> Query.parse("x=1&" + "y=2&".repeat(Query.MAX_PAIRS))).isInstanceOf(HttpProblem.class)
                .hasMessageContaining("too many parameters");
        List<String> skipped = new java.util.ArrayList<>();
        assertThat(Query.parse("a=%zz&b=2", skipped::add).asMap()).containsOnlyKeys("b");
        assertThat(skipped).containsExactly("a=%zz");
    }

    @Test
    void namesAreMadeCanonicalInOnePlace() {
        Query q = Query.parse("Setting=hospital&settings=retail&%20TOPIC%20=regulation&q=IV").withNames(
                java.util.Map.of("setting", "settings", "topic", "topics"));
        assertThat(q.asMap()).containsExactly(java.util.Map.entry("settings", List.of("hospital", "retail")),
                java.util.Map.entry("topics", List.of("regulation")), java.util.Map.entry("q", List.of("IV")));
    }

    @Test
    void routesAreAddedBeforeServing() throws Exception {
        send("GET", "/things");
        assertThatThrownBy(() -> router.get("/late", ex -> { })).isInstanceOf(IllegalStateException.class);
    }

    private HttpResponse<String> send(String method, String path) throws Exception {
        HttpRequest.BodyPublisher body = method.equals("POST") || method.equals("PUT") ? HttpRequest.BodyPublishers.ofString("x")
                : HttpRequest.BodyPublishers.noBody();
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).method(method, body).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
