package org.rxradar.trend;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rxradar.config.RxRadarConfig;
import org.rxradar.ops.HealthCheck;
import org.rxradar.view.FeedView;
import org.rxradar.web.server.HttpApi;

/** The trend routes on the real server: answers cached five minutes, errors not at all, 405 naming what is allowed. */
class TrendRoutesTest {
    final HttpClient client = HttpClient.newHttpClient();
    HttpApi http;

    @BeforeEach
    void start() {
        http = new HttpApi(new RxRadarConfig.Http(0, "127.0.0.1", ""), new FeedView(), HealthCheck.alwaysReady(),
                new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
        new TrendRoutes(new TrendStore(), Clock.systemUTC()).installOn(http);
        http.start();
    }

    @AfterEach
    void stop() {
        http.close();
    }

    @Test
    void answersAreCachedAndErrorsAreNot() throws Exception {
        for (String path : new String[] {"/trends", "/trends.json?days=14", "/trends.html"}) {
            HttpResponse<String> ok = get(path, "GET");
            assertThat(ok.statusCode()).as(path).isEqualTo(200);
            assertThat(ok.headers().firstValue("Cache-Control")).as(path).hasValue("public, max-age=300");
        }
        HttpResponse<String> badDays = get("/trends?days=2", "GET");
        assertThat(badDays.statusCode()).isEqualTo(400);
        assertThat(badDays.body()).contains("days");
        HttpResponse<String> unknown = get("/trends?weeks=2", "GET");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("'weeks'");
        HttpResponse<String> noChart = get("/trends/leads.svg", "GET"); // an empty store has no chart yet
        assertThat(noChart.statusCode()).isEqualTo(404);
        assertThat(noChart.body()).contains("/trends/leads.svg");
        assertThat(get("/trendsetter", "GET").body()).contains("/trends.html");
        HttpResponse<String> post = get("/trends.html", "POST");
        assertThat(post.statusCode()).isEqualTo(405);
        assertThat(post.headers().firstValue("Allow")).hasValue("GET, HEAD");
        for (HttpResponse<String> error : java.util.List.of(badDays, unknown, noChart, post)) {
            assertThat(error.headers().firstValue("Cache-Control")).as(error.uri().toString()).hasValue("no-store");
        }
    }

    private HttpResponse<String> get(String path, String method) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + http.port() + path))
                .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }
}
