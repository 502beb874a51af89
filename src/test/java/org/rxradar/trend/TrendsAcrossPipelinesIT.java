package org.rxradar.trend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rxradar.trend.TrendInstances.awaitTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rxradar.app.Pipeline;
import org.rxradar.bus.Bus;
import org.rxradar.config.ConfigLoader;
import org.rxradar.config.RxRadarConfig;

/**
 * Whole pipelines (instance ids a, b, c) on one broker, their {@code /trends} over HTTP: every
 * instance answers the same JSON, the one a single store over every tagged record gives; after the
 * counting instance is closed and more items arrive, the others still do.
 */
class TrendsAcrossPipelinesIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Duration CONVERGE = Duration.ofSeconds(120);

    @TempDir
    static Path dir;
    static Bus bus;

    @BeforeAll
    static void startBroker() {
        bus = Bus.open(new RxRadarConfig.Kafka("", 3, null, new RxRadarConfig.Embedded(0, 0, dir.resolve("kafka").toString()), "it", null));
    }

    @AfterAll
    static void stopBroker() {
        bus.close();
    }

    /** A pipeline running forever on its own thread. */
    private record Running(String id, Pipeline pipeline, Thread thread) implements AutoCloseable {
        static Running start(String id) throws Exception {
            Path home = Files.createDirectories(dir.resolve(id));
            Path file = home.resolve("rxradar.yml");
            Files.writeString(file, """
                    kafka:
                      bootstrap-servers: "%s"
                      partitions: 3
                    instance:
                      id: %s
                    http:
                      port: 0
                      bind: 127.0.0.1
                    fetch:
                      state-dir: %s
                    mail:
                      outbox: %s
                    """.formatted(bus.clients().bootstrapServers(), id, home.resolve("fetch"), home.resolve("outbox")));
            Pipeline p = Pipeline.open(ConfigLoader.load(file, Map.of()));
            Thread t = new Thread(() -> {
                try {
                    p.runForever();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "pipeline-" + id);
            t.start();
            return new Running(id, p, t);
        }

        String get(String path) throws Exception {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + pipeline.httpPort() + path))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            return r.body();
        }

        /** The trend partitions this instance holds, from its /health. */
        int trendPartitions() {
            try {
                JsonNode health = JSON.readTree(get("/health"));
                return health.path("instance").path("stages").path(TrendStage.STAGE).path("partitions").size();
            } catch (Exception e) {
                return -1;
            }
        }

        String trends() {
            try {
                return get("/trends?days=28");
            } catch (Exception e) {
                return "unanswered: " + e;
            }
        }

        @Override
        public void close() throws InterruptedException {
            pipeline.close();
            thread.join(30_000);
        }
    }

    @Test
    void everyInstanceServesTheTrueTrends() throws Exception {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        ClusteredItems items = new ClusteredItems(3, 5L, today);
        List<Running> instances = new ArrayList<>();
        try {
            for (String id : List.of("b", "a", "c")) instances.add(Running.start(id));
            awaitTrue("one instance holds the 3 trend partitions",
                    () -> instances.stream().mapToInt(Running::trendPartitions).sorted().boxed().toList().equals(List.of(0, 0, 3)), CONVERGE);

            items.produce(bus.clients(), items.batch(2_000, 400, 0, 150, 200));
            String truth = TrendJson.render(items.truth().report(today, 28));
            assertThat(JSON.readTree(truth).path("relevantLeads").asInt()).isEqualTo(2_000);
            awaitTrue("/trends of every instance is the truth", () -> instances.stream().allMatch(i -> i.trends().equals(truth)), CONVERGE);

            // asked again until one answers: a /health call can time out on a busy machine
            awaitTrue("the counting instance answers /health", () -> instances.stream().anyMatch(i -> i.trendPartitions() == 3), CONVERGE);
            Running owner = instances.stream().filter(i -> i.trendPartitions() == 3).findFirst()
                    .orElseGet(() -> instances.stream().filter(i -> i.trendPartitions() == 3).findFirst().orElseThrow());
            instances.remove(owner);
            owner.close();
            items.produce(bus.clients(), items.batch(500, 150, 100, 50, 50));
            String truthAfter = TrendJson.render(items.truth().report(today, 28));
            assertThat(JSON.readTree(truthAfter).path("relevantLeads").asInt()).isEqualTo(2_500);
            awaitTrue("/trends of the instances left is the truth", () -> instances.stream().allMatch(i -> i.trends().equals(truthAfter)), CONVERGE);
            System.out.printf("trends across pipelines: %s closed; /trends of %s shows %d relevant leads, as one store over every record%n",
                    owner.id(), instances.stream().map(Running::id).toList(), 2_500);
        } finally {
            for (Running r : instances) r.close();
        }
    }
}
