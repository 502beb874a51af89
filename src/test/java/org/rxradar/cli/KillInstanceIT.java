package org.rxradar.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
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
import org.rxradar.bus.GroupCatchUp;
import org.rxradar.bus.KafkaClients;
import org.rxradar.bus.Topics;
import org.rxradar.config.RxRadarConfig;
import org.rxradar.model.Item;
import org.rxradar.model.Json;
import org.rxradar.model.Kind;
import org.rxradar.model.Place;
import org.rxradar.model.TaggedItem;
import org.rxradar.tag.TagStage;

/**
 * kill -9 of a real {@code run} process tagging its share of the raw partitions while records keep
 * arriving: the other instance takes its partitions over once the session times out (and the killed
 * one's open transaction is aborted), and every raw record is tagged exactly once. Prints the
 * take-over time for the README.
 */
class KillInstanceIT {
    private static final List<String> RAW = List.of(Topics.NEWS_RAW, Topics.LEADS_RAW);
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

    @Test
    void theOtherInstanceTakesOverAKilledInstancesPartitionsAndEveryRecordIsTaggedOnce() throws Exception {
        Path home = Files.createDirectories(dir.resolve("killed"));
        Path config = home.resolve("rxradar.yml");
        Files.writeString(config, """
                kafka:
                  bootstrap-servers: "%s"
                  partitions: 3
                  group-prefix: it
                instance:
                  id: killed
                http:
                  port: 0
                  bind: 127.0.0.1
                fetch:
                  state-dir: %s
                mail:
                  outbox: %s
                """.formatted(bus.clients().bootstrapServers(), home.resolve("fetch"), home.resolve("outbox")));
        KafkaClients survivorClients = bus.clients().withInstance("survivor");
        String group = survivorClients.groupId(TagStage.STAGE);
        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicInteger written = new AtomicInteger();
        Thread writer = new Thread(() -> write(writing, written), "writer");
        TagStage survivor = null;
        Thread survivorThread = null;
        try (ChildJvm killed = ChildJvm.start(home, "run", "--config", config.toString()); Admin admin = Admin.create(bus.clients().common())) {
            awaitTrue(() -> members(admin, group).contains("killed.tagger"), Duration.ofSeconds(90), killed::transcript);
            survivor = new TagStage(survivorClients, KillInstanceIT::label, null);
            survivorThread = new Thread(survivor::run, "tagger-survivor");
            survivorThread.start();
            TagStage s = survivor;
            awaitTrue(() -> members(admin, group).size() == 2 && !s.health().state().failing()
                    && survivorClients.ownership().partitions(TagStage.STAGE).size() == RAW_PARTITIONS / 2, Duration.ofSeconds(60), killed::transcript);

            writer.start();
            awaitTrue(() -> written.get() > 500, Duration.ofSeconds(30), () -> "writer");
            long killedAt = System.nanoTime();
            killed.kill(); // SIGKILL mid-stream: nothing runs, an open transaction stays open on the broker
            awaitTrue(() -> survivorClients.ownership().partitions(TagStage.STAGE).size() == RAW_PARTITIONS, Duration.ofSeconds(60),
                    () -> "partitions of the survivor: " + survivorClients.ownership().partitions(TagStage.STAGE));
            long partitionsMs = (System.nanoTime() - killedAt) / 1_000_000;
            // a record written now on every partition: tagged once the survivor reads past the killed one's last commit
            int marker = written.get();
            awaitTrue(() -> taggedAtLeast(marker), Duration.ofSeconds(90), () -> "tagged " + tagged().size() + " of " + marker);
            long taggingMs = (System.nanoTime() - killedAt) / 1_000_000;
            System.out.printf("KillInstanceIT: after kill -9, the survivor held every partition in %d ms and had tagged every record"
                    + " written until then in %d ms (session timeout %d s, transaction timeout %d s)%n", partitionsMs, taggingMs,
                    KafkaClients.SESSION_TIMEOUT.toSeconds(), KafkaClients.TRANSACTION_TIMEOUT.toSeconds());
            assertThat(partitionsMs).as("within the session timeout and a rebalance")
                    .isLessThan(KafkaClients.SESSION_TIMEOUT.toMillis() + 15_000);

            writing.set(false);
            writer.join(30_000);
            try (GroupCatchUp caughtUp = new GroupCatchUp(bus.clients(), group, RAW)) {
                assertThat(caughtUp.await(Duration.ofSeconds(90))).isTrue();
            }
            Map<String, Integer> counts = tagged();
            System.out.printf("KillInstanceIT: %d raw records, %d tagged, %d tagged more than once%n", written.get(), counts.size(),
                    counts.values().stream().filter(c -> c > 1).count());
            assertThat(counts).as("every raw record tagged").hasSize(written.get());
            assertThat(counts.values()).as("exactly once").allMatch(c -> c == 1);
        } finally {
            writing.set(false);
            if (survivor != null) survivor.close();
            if (survivorThread != null) survivorThread.join(30_000);
        }
    }

    /** Raw records at about 200 a second until told to stop. */
    private static void write(AtomicBoolean writing, AtomicInteger written) {
        try (KafkaProducer<String, byte[]> producer = bus.clients().producer("it-raw")) {
            while (writing.get()) {
                int i = written.get();
                Item item = new Item(1, "kill-" + i, i % 2 == 0 ? Kind.JOB : Kind.NEWS, "it", "https://x.example/" + i, "t" + i, "s",
                        Instant.now(), false, Instant.now(), null, null, null, null);
                producer.send(new ProducerRecord<>(Topics.rawTopicFor(item.kind()), item.id(), Json.bytes(item))).get();
                written.incrementAndGet();
                Thread.sleep(5);
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static TaggedItem label(Item i) {
        return new TaggedItem(TaggedItem.VERSION, i.id(), i.kind(), i.source(), i.url(), i.title(), i.summary(), i.published(),
                i.publishedEstimated(), i.fetched(), i.updated(), i.employer(), Place.unknown(i.location()), List.of("hospital"),
                List.of(), Map.of(), Map.of(), true, null, List.of(), null, List.of(), null, Instant.now());
    }

    private static boolean taggedAtLeast(int n) {
        Map<String, Integer> t = tagged();
        for (int i = 0; i < n; i++) if (!t.containsKey("kill-" + i)) return false;
        return true;
    }

    private static List<String> members(Admin admin, String group) {
        try {
            ConsumerGroupDescription d = admin.describeConsumerGroups(List.of(group)).describedGroups().get(group).get(10, TimeUnit.SECONDS);
            return d.members().stream().map(m -> m.groupInstanceId().orElse(m.consumerId())).toList();
        } catch (Exception e) {
            return List.of();
        }
    }

    /** Tagged "kill-" records by id, read_committed. */
    private static Map<String, Integer> tagged() {
        Map<String, Integer> out = new HashMap<>();
        try (KafkaConsumer<String, byte[]> c = bus.clients().reader("it-check")) {
            List<TopicPartition> parts = new ArrayList<>(c.partitionsFor(Topics.ITEMS_TAGGED).stream()
                    .map(p -> new TopicPartition(Topics.ITEMS_TAGGED, p.partition())).toList());
            c.assign(parts);
            c.seekToBeginning(parts);
            Map<TopicPartition, Long> end = c.endOffsets(parts);
            long deadline = System.currentTimeMillis() + 30_000;
            while (parts.stream().anyMatch(tp -> c.position(tp) < end.get(tp)) && System.currentTimeMillis() < deadline) {
                for (ConsumerRecord<String, byte[]> r : c.poll(Duration.ofMillis(200)))
                    if (r.key() != null && r.key().startsWith("kill-")) out.merge(r.key(), 1, Integer::sum);
            }
        }
        return out;
    }

    private interface Why {
        String text();
    }

    private static void awaitTrue(BooleanSupplier condition, Duration timeout, Why why) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("not true within " + timeout + "\n" + why.text());
            Thread.sleep(200);
        }
    }
}
