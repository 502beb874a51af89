package org.rxradar.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rxradar.bus.Bus;
import org.rxradar.bus.InstanceFencedException;
import org.rxradar.bus.Topics;
import org.rxradar.cli.Main;
import org.rxradar.config.ConfigLoader;
import org.rxradar.config.RxRadarConfig;
import org.rxradar.model.Item;
import org.rxradar.model.Json;
import org.rxradar.model.Kind;
import org.rxradar.tag.TagStage;

/**
 * Whole pipelines as instances of one deployment (distinct {@code instance.id}s, one real broker):
 * {@code /health} says which instance answers and which partitions it owns, the instances split the
 * partitions between them, and a second process started with an id already running fences the
 * first, whose {@code run} command stops with one clear line and exit code 5, while the newcomer
 * goes on tagging.
 */
class InstancesIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    /** Raw partitions (two topics, 3 each) the tagger group splits. */
    private static final int RAW_PARTITIONS = 6;

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

    /** The configuration file of one instance: the shared broker, its own id, port, data and outbox. */
    private static Path config(String name, String instanceId, String groupPrefix) throws Exception {
        Path home = Files.createDirectories(dir.resolve(name));
        Path file = home.resolve("rxradar.yml");
        Files.writeString(file, """
                kafka:
                  bootstrap-servers: "%s"
                  partitions: 3
                  group-prefix: %s
                instance:
                  id: %s
                http:
                  port: 0
                  bind: 127.0.0.1
                fetch:
                  state-dir: %s
                mail:
                  outbox: %s
                """.formatted(bus.clients().bootstrapServers(), groupPrefix, instanceId, home.resolve("fetch"), home.resolve("outbox")));
        return file;
    }

    private static RxRadarConfig load(Path file) {
        return ConfigLoader.load(file, Map.of());
    }

    /** A pipeline running forever on its own thread; {@code ended} completes when runForever returns or throws. */
    private record Running(Pipeline pipeline, CompletableFuture<Void> ended) implements AutoCloseable {
        static Running start(RxRadarConfig cfg) {
            Pipeline p = Pipeline.open(cfg);
            CompletableFuture<Void> ended = new CompletableFuture<>();
            Thread t = new Thread(() -> {
                try {
                    p.runForever();
                    ended.complete(null);
                } catch (Throwable e) {
                    ended.completeExceptionally(e);
                }
            }, "pipeline");
            t.start();
            return new Running(p, ended);
        }

        JsonNode health() throws Exception {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + pipeline.httpPort() + "/health"))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            return JSON.readTree(r.body());
        }

        List<String> partitions(String stage) throws Exception {
            List<String> out = new ArrayList<>();
            health().path("instance").path("stages").path(stage).path("partitions").forEach(n -> out.add(n.asText()));
            return out;
        }

        @Override
        public void close() {
            pipeline.close();
        }
    }

    @Test
    void healthNamesTheInstanceAndThePartitionsItOwnsAndTwoInstancesSplitThem() throws Exception {
        try (Running a = Running.start(load(config("health-a", "a", "health")));
             Running b = Running.start(load(config("health-b", "b", "health")))) {
            awaitTrue(() -> {
                List<String> ofA = quietly(() -> a.partitions(TagStage.STAGE));
                List<String> ofB = quietly(() -> b.partitions(TagStage.STAGE));
                Set<String> union = new HashSet<>(ofA);
                union.addAll(ofB);
                return !ofA.isEmpty() && !ofB.isEmpty() && ofA.size() + ofB.size() == RAW_PARTITIONS && union.size() == RAW_PARTITIONS;
            }, Duration.ofSeconds(60));
            JsonNode health = a.health();
            assertThat(health.path("instance").path("id").asText()).isEqualTo("a");
            assertThat(b.health().path("instance").path("id").asText()).isEqualTo("b");
            assertThat(a.partitions(TagStage.STAGE)).allMatch(p -> p.startsWith("rxradar.news.raw-") || p.startsWith("rxradar.leads.raw-"));
            System.out.println("InstancesIT: /health of a: " + health.path("instance"));
            assertThat(a.ended()).isNotDone();
            assertThat(b.ended()).isNotDone();
        }
    }

    @Test
    void aSecondProcessWithTheSameIdFencesTheFirstWhoseRunCommandStopsWithOneLineAndExitCode5() throws Exception {
        Path file = config("fence-1", "x", "fence");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream originalErr = System.err;
        System.setErr(new PrintStream(new Tee(originalErr, err), true, StandardCharsets.UTF_8));
        CompletableFuture<Integer> first = CompletableFuture.supplyAsync(() -> Main.execute("run", "--config", file.toString()));
        Running second = null;
        try (Admin admin = Admin.create(bus.clients().common())) {
            String group = "fence." + TagStage.STAGE;
            awaitTrue(() -> memberIds(admin, group).contains("x." + TagStage.STAGE), Duration.ofSeconds(60));

            long started = System.nanoTime();
            second = Running.start(load(config("fence-2", "x", "fence")));
            int code = first.get(60, TimeUnit.SECONDS);
            System.out.printf("InstancesIT: the first process stopped %d ms after the second opened%n", (System.nanoTime() - started) / 1_000_000);
            assertThat(code).isEqualTo(Main.EXIT_FENCED);
            String line = err.toString(StandardCharsets.UTF_8).lines().filter(l -> l.startsWith("rxradar: ")).reduce((x, y) -> y).orElse("");
            System.out.println("InstancesIT: " + line);
            assertThat(line).contains("stopped: fenced: another instance with the same id took over", "instance.id 'x'",
                    "RXRADAR_INSTANCE_ID").doesNotContain("Exception", "\tat ");

            // the newcomer keeps the group membership and the partitions, and tags what arrives
            Running s = second;
            awaitTrue(() -> quietly(() -> s.partitions(TagStage.STAGE)).size() == RAW_PARTITIONS, Duration.ofSeconds(60));
            assertThat(memberIds(admin, group)).containsExactly("x." + TagStage.STAGE);
            Item item = new Item(1, "after-fence", Kind.NEWS, "it", "https://x.example/after-fence", "Hospital pharmacy news", "s",
                    Instant.now(), false, Instant.now(), null, null, null, null);
            try (KafkaProducer<String, byte[]> producer = bus.clients().producer("it-raw")) {
                producer.send(new ProducerRecord<>(Topics.NEWS_RAW, item.id(), Json.bytes(item))).get();
            }
            awaitTrue(() -> countTagged("after-fence") == 1, Duration.ofSeconds(60));
            assertThat(second.ended()).isNotDone();
        } finally {
            System.setErr(originalErr);
            if (second != null) second.close();
        }
    }

    @Test
    void aFencedPipelineEndsRunForeverWithTheReason() throws Exception {
        try (Running first = Running.start(load(config("fence-3", "y", "fence2")))) {
            awaitTrue(() -> quietly(() -> first.partitions(TagStage.STAGE)).size() == RAW_PARTITIONS, Duration.ofSeconds(60));
            try (Running second = Running.start(load(config("fence-4", "y", "fence2")))) {
                Throwable why = first.ended().handle((v, e) -> e).get(60, TimeUnit.SECONDS);
                assertThat(why).isInstanceOf(InstanceFencedException.class)
                        .hasMessageContaining("stopped: fenced: ").hasMessageContaining("instance.id 'y'");
                assertThat(why.getMessage()).doesNotContain("\n");
            }
        }
    }

    private static Set<String> memberIds(Admin admin, String group) {
        try {
            ConsumerGroupDescription d = admin.describeConsumerGroups(List.of(group)).describedGroups().get(group).get(10, TimeUnit.SECONDS);
            Set<String> ids = new HashSet<>();
            d.members().forEach(m -> ids.add(m.groupInstanceId().orElse(m.consumerId())));
            return ids;
        } catch (Exception e) {
            return Set.of();
        }
    }

    private static long countTagged(String id) {
        long n = 0;
        try (KafkaConsumer<String, byte[]> c = bus.clients().reader("it-check")) {
            List<TopicPartition> parts = c.partitionsFor(Topics.ITEMS_TAGGED).stream()
                    .map(p -> new TopicPartition(Topics.ITEMS_TAGGED, p.partition())).toList();
            c.assign(parts);
            c.seekToBeginning(parts);
            Map<TopicPartition, Long> end = c.endOffsets(parts);
            long deadline = System.currentTimeMillis() + 30_000;
            while (parts.stream().anyMatch(tp -> c.position(tp) < end.get(tp)) && System.currentTimeMillis() < deadline) {
                for (ConsumerRecord<String, byte[]> r : c.poll(Duration.ofMillis(200))) if (id.equals(r.key())) n++;
            }
        }
        return n;
    }

    private interface Call<T> {
        T get() throws Exception;
    }

    private static List<String> quietly(Call<List<String>> call) {
        try {
            return call.get();
        } catch (Exception e) {
            return List.of();
        }
    }

    private static void awaitTrue(BooleanSupplier condition, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("not true within " + timeout);
            Thread.sleep(200);
        }
    }

    /** Standard error as usual, and a copy to read. */
    private static final class Tee extends OutputStream {
        private final OutputStream a;
        private final OutputStream b;

        Tee(OutputStream a, OutputStream b) {
            this.a = a;
            this.b = b;
        }

        @Override
        public synchronized void write(int c) throws java.io.IOException {
            a.write(c);
            b.write(c);
        }

        @Override
        public synchronized void write(byte[] buf, int off, int len) throws java.io.IOException {
            a.write(buf, off, len);
            b.write(buf, off, len);
        }
    }
}
