package org.rxradar.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rxradar.bus.Bus;
import org.rxradar.bus.Partitions;
import org.rxradar.bus.Topics;
import org.rxradar.config.ConfigLoader;
import org.rxradar.config.RxRadarConfig;
import org.rxradar.fetch.TestServer;

/**
 * The scale-out acceptance on one real broker: three whole pipelines (instance ids a, b, c) over
 * 100 local feeds × 20 items and 9 subscribers. Raw records = unique ids = 2,000; tagged records =
 * unique ids = 2,000; exactly one digest per subscriber; the tagger group has three members; every
 * instance's {@code /trends} answers the same. Then one instance stops, every feed gets 5 new items,
 * and each new item is published and tagged exactly once by the others.
 */
class ScaleOutIT {
    private static final int FEEDS = 100;
    private static final Duration CONVERGE = Duration.ofSeconds(150);
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    static Path dir;
    static Bus bus;
    static TestServer feeds;
    static final AtomicInteger itemsPerFeed = new AtomicInteger(20);

    @BeforeAll
    static void start() throws Exception {
        bus = Bus.open(new RxRadarConfig.Kafka("", 3, null, new RxRadarConfig.Embedded(0, 0, dir.resolve("kafka").toString()), "it", null));
        feeds = new TestServer();
        feeds.on("/feed/", ex -> {
            String path = ex.getRequestURI().getPath();
            int n = Integer.parseInt(path.substring(path.lastIndexOf('/') + 1));
            TestServer.send(ex, 200, "application/rss+xml", rss(n, itemsPerFeed.get()).getBytes(StandardCharsets.UTF_8));
        });
    }

    @AfterAll
    static void stop() {
        feeds.close();
        bus.close();
    }

    static String rss(int feed, int items) {
        StringBuilder s = new StringBuilder("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Feed ")
                .append(feed).append("</title><link>http://example.org/</link>");
        for (int i = 0; i < items; i++) {
            s.append("<item><title>Inpatient Pharmacy Technician ").append(feed).append('-').append(i)
                    .append("</title><link>http://jobs.example.org/f").append(feed).append("/j").append(i)
                    .append("</link><description>Hospital pharmacy technician, IV room, $21.00/hr, Austin, TX.</description>")
                    .append("<pubDate>Mon, 30 Nov 2026 08:00:00 GMT</pubDate></item>");
        }
        return s.append("</channel></rss>").toString();
    }

    private record Running(String id, Pipeline pipeline, Thread thread, Path outbox) implements AutoCloseable {
        static Running start(String id) throws Exception {
            Path home = Files.createDirectories(dir.resolve(id));
            StringBuilder yaml = new StringBuilder("""
                    kafka:
                      bootstrap-servers: "%s"
                      partitions: 3
                    instance:
                      id: %s
                    http:
                      port: 0
                      bind: 127.0.0.1
                    fetch:
                      per-host-delay: 0s
                      per-host-concurrency: 8
                      state-dir: %s
                    mail:
                      outbox: %s
                    sources:
                    """.formatted(bus.clients().bootstrapServers(), id, home.resolve("fetch"), home.resolve("outbox")));
            for (int f = 0; f < FEEDS; f++) {
                yaml.append("  - {id: feed-").append(f).append(", type: rss, kind: job, interval: 1m, url: \"")
                        .append(feeds.url("/feed/" + f)).append("\"}\n");
            }
            yaml.append("subscribers:\n");
            for (int s = 0; s < 9; s++) {
                yaml.append("  - {email: tech").append(s).append("@example.org, timezone: UTC, send-at: \"00:00\"}\n");
            }
            Path file = home.resolve("rxradar.yml");
            Files.writeString(file, yaml);
            Pipeline p = Pipeline.open(ConfigLoader.load(file, Map.of()));
            Thread t = new Thread(() -> {
                try {
                    p.runForever();
                } catch (Exception e) {
                    // closing
                }
            }, "pipeline-" + id);
            t.start();
            return new Running(id, p, t, home.resolve("outbox"));
        }

        String get(String path) {
            try {
                return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + pipeline.httpPort() + path))
                        .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString()).body();
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

    /** Records and distinct keys of the topics, read committed from the start. */
    private static int[] count(String... topics) {
        try (KafkaConsumer<String, byte[]> c = bus.clients().reader("scale-out-count")) {
            List<TopicPartition> parts = new ArrayList<>();
            for (String t : topics) parts.addAll(Partitions.of(c, t, Duration.ofSeconds(30)));
            c.assign(parts);
            c.seekToBeginning(parts);
            Map<TopicPartition, Long> end = c.endOffsets(parts);
            int records = 0;
            Set<String> keys = new HashSet<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (parts.stream().anyMatch(tp -> c.position(tp) < end.get(tp)) && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> r : c.poll(Duration.ofMillis(200))) {
                    records++;
                    keys.add(r.key());
                }
            }
            return new int[] {records, keys.size()};
        }
    }

    private static int digests(List<Running> instances, Map<String, Integer> perSubscriber) throws Exception {
        int total = 0;
        for (Running r : instances) {
            if (!Files.isDirectory(r.outbox())) continue;
            try (Stream<Path> files = Files.list(r.outbox())) {
                for (Path p : files.filter(f -> f.toString().endsWith(".eml") && !f.getFileName().toString().contains("confirm")).toList()) {
                    total++;
                    String to = Files.readAllLines(p).stream().filter(l -> l.startsWith("To:")).findFirst().orElse("?");
                    perSubscriber.merge(to, 1, Integer::sum);
                }
            }
        }
        return total;
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + CONVERGE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("not within " + CONVERGE + ": " + what);
            Thread.sleep(500);
        }
    }

    @Test
    void threeInstancesShareEveryStageWithNothingDoubledOrLost() throws Exception {
        List<Running> instances = new ArrayList<>();
        try {
            for (String id : List.of("a", "b", "c")) instances.add(Running.start(id));

            await("2,000 raw records", () -> count(Topics.NEWS_RAW, Topics.LEADS_RAW)[0] >= 2_000);
            await("2,000 tagged records", () -> count(Topics.ITEMS_TAGGED)[0] >= 2_000);
            Thread.sleep(3_000); // anything doubled would show now
            assertThat(count(Topics.NEWS_RAW, Topics.LEADS_RAW)).containsExactly(2_000, 2_000);
            assertThat(count(Topics.ITEMS_TAGGED)).containsExactly(2_000, 2_000);

            try (Admin admin = Admin.create(bus.clients().common())) {
                var group = admin.describeConsumerGroups(List.of("rxradar.tagger")).all().get()
                        .get("rxradar.tagger");
                assertThat(group.members()).hasSize(3);
                assertThat(group.members()).allSatisfy(m -> assertThat(m.assignment().topicPartitions()).isNotEmpty());
            }

            Map<String, Integer> perSubscriber = new HashMap<>();
            await("9 digests", () -> {
                try {
                    return digests(instances, new HashMap<>()) >= 9;
                } catch (Exception e) {
                    return false;
                }
            });
            Thread.sleep(3_000);
            assertThat(digests(instances, perSubscriber)).isEqualTo(9);
            assertThat(perSubscriber).hasSize(9).allSatisfy((to, n) -> assertThat(n).as(to).isEqualTo(1));

            await("every instance's /trends the same", () -> instances.stream().map(r -> r.get("/trends?days=28"))
                    .distinct().count() == 1 && !instances.get(0).get("/trends?days=28").startsWith("unanswered"));

            Running gone = instances.remove(0);
            gone.close();
            itemsPerFeed.set(25);
            await("2,500 raw records", () -> count(Topics.NEWS_RAW, Topics.LEADS_RAW)[1] >= 2_500);
            await("2,500 tagged records", () -> count(Topics.ITEMS_TAGGED)[1] >= 2_500);
            Thread.sleep(3_000);
            assertThat(count(Topics.NEWS_RAW, Topics.LEADS_RAW)).containsExactly(2_500, 2_500);
            assertThat(count(Topics.ITEMS_TAGGED)).containsExactly(2_500, 2_500);
        } finally {
            for (Running r : instances) r.close();
        }
    }
}
