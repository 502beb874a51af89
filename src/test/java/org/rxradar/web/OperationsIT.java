package org.rxradar.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rxradar.app.Pipeline;
import org.rxradar.config.ConfigLoader;
import org.rxradar.config.RxRadarConfig;
import org.rxradar.demo.DemoSetup;
import org.rxradar.demo.SampleSite;
import org.rxradar.model.Json;

/**
 * {@code /health} and {@code /metrics} of the whole pipeline on a real embedded broker, fetching
 * the bundled samples from a real local web server: after one pass the metrics count items per
 * source and per tag, digests sent, HTTP timings and the Kafka clients' own metrics; once the
 * tagger runs, readiness reports the broker reachable, the tagger's partitions assigned and its lag.
 */
class OperationsIT {
    @TempDir
    Path dir;
    final HttpClient client = HttpClient.newHttpClient();

    @Test
    void metricsCountThePassAndHealthTurnsReadyWhenTheTaggerIsAssigned() throws Exception {
        try (SampleSite site = SampleSite.start(0)) {
            RxRadarConfig cfg = DemoSetup.config(ConfigLoader.load(null, Map.of()), site, 0, dir.resolve("outbox"), dir.resolve("data"));
            try (Pipeline pipeline = Pipeline.open(cfg)) {
                Pipeline.Summary pass = pipeline.runOnce();
                assertThat(pass.digestsSent()).isEqualTo(1);
                int port = pipeline.httpPort();
                assertThat(get(port, "/feeds/jobs.atom").statusCode()).isEqualTo(200);

                // a request is timed once its answer is out: scrape until the feed request shows
                String metrics = get(port, "/metrics").body();
                for (int i = 0; i < 50 && !metrics.contains("uri=\"/feeds/{name}\""); i++) {
                    Thread.sleep(100);
                    metrics = get(port, "/metrics").body();
                }
                assertThat(metrics).containsPattern("rxradar_fetch_items_published_total\\{source=\"[^\"]+\"} [1-9]")
                        .containsPattern("rxradar_fetch_items_fetched_total\\{source=\"[^\"]+\"}")
                        .containsPattern("rxradar_items_tagged_by_tag_total\\{facet=\"setting\",tag=\"hospital\"} [1-9]")
                        .containsPattern("rxradar_items_tagged_by_tag_total\\{facet=\"topic\",tag=\"[a-z-]+\"} [1-9]")
                        .containsPattern("rxradar_digests_sent_total(\\{})? 1\\.0")
                        .containsPattern("http_server_requests_seconds_count\\{[^}]*uri=\"/feeds/\\{name}\"")
                        .contains("kafka_consumer_fetch_manager_records_consumed_total")
                        .contains("kafka_producer_record_send_total")
                        .contains("rxradar_tagger_lag");

                // the pipeline serves the subscription routes; without SMTP the confirmation goes to the outbox
                HttpResponse<String> sub = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/subscriptions"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("email=ops%40example.org&settings=hospital")).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(sub.statusCode()).isEqualTo(200);
                assertThat(sub.body()).contains("outbox directory");
                awaitFile(dir.resolve("outbox"), "confirm-" + org.rxradar.model.Subscriber.idFor("ops@example.org"));
                pipeline.subscriptions().awaitCaughtUp();
                assertThat(pipeline.subscriptions().find("ops@example.org").orElseThrow().status().text()).isEqualTo("pending");

                // the loop that a long run uses: the tagger joins its group and gets the raw partitions
                AtomicReference<Throwable> failure = new AtomicReference<>();
                Thread run = new Thread(() -> {
                    try {
                        pipeline.runForever();
                    } catch (Throwable e) {
                        failure.set(e);
                    }
                });
                run.setDaemon(true);
                run.start();
                JsonNode health = awaitReady(port, Duration.ofSeconds(60));
                assertThat(health.at("/components/kafka/status").asText()).isEqualTo("UP");
                assertThat(health.at("/components/kafka/detail").asText()).contains("broker(s) reachable");
                assertThat(health.at("/components/tagger/status").asText()).isEqualTo("UP");
                assertThat(health.at("/components/tagger/detail").asText()).containsPattern("[1-9]\\d* partition\\(s\\), lag \\d+ <= 10000");
                assertThat(failure.get()).isNull();
            }
        }
    }

    private static void awaitFile(Path dir, String nameContains) throws Exception {
        for (int i = 0; i < 100; i++) {
            if (java.nio.file.Files.isDirectory(dir)) {
                try (var files = java.nio.file.Files.list(dir)) {
                    if (files.anyMatch(f -> f.getFileName().toString().contains(nameContains) && f.toString().endsWith(".eml"))) return;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no " + nameContains + "*.eml in " + dir);
    }

    private JsonNode awaitReady(int port, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        JsonNode last = null;
        while (System.nanoTime() < deadline) {
            HttpResponse<String> r = get(port, "/health");
            last = Json.MAPPER.readTree(r.body());
            if (r.statusCode() == 200 && last.at("/components/tagger/detail").asText().contains("partition")) return last;
            assertThat(r.statusCode()).isIn(200, 503);
            Thread.sleep(500);
        }
        throw new AssertionError("not ready within " + timeout + "; last /health: " + last);
    }

    private HttpResponse<String> get(int port, String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
