package org.rxradar.tag;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.rxradar.bus.Bus;
import org.rxradar.bus.DeadLetters;
import org.rxradar.bus.KafkaClients;
import org.rxradar.bus.RecordLimits;
import org.rxradar.bus.StageHealth;
import org.rxradar.bus.TopicAdmin;
import org.rxradar.bus.Topics;
import org.rxradar.config.RxRadarConfig;
import org.rxradar.ops.HealthStatus;
import org.rxradar.model.Item;
import org.rxradar.model.Json;
import org.rxradar.model.Kind;
import org.rxradar.ops.ReadinessProbe;

/**
 * The tag stage on the real embedded broker when Kafka refuses: a raw record that fits Kafka but
 * whose tagged form does not is dead-lettered (not retried forever) while the others are tagged;
 * a stage fenced by another instance stops and says so; a stage whose batches keep failing is
 * reported by the readiness probe with the error, and recovers when the cause goes away.
 * The last test deletes the tagged topic, so it runs last.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TagStageFaultsIT {
    private static final List<String> RAW = List.of(Topics.NEWS_RAW, Topics.LEADS_RAW);
    @TempDir
    static Path dir;
    static Bus bus;
    private final Tagger tagger = Tagger.builtIn();

    @BeforeAll
    static void startBroker() {
        bus = Bus.open(new RxRadarConfig.Kafka("", 3, null, new RxRadarConfig.Embedded(0, 0, dir.resolve("kafka").toString()), "it", null));
    }

    @AfterAll
    static void stopBroker() {
        bus.close();
    }

    private static Item item(String id, Kind kind, String summary) {
        return new Item(Item.VERSION, id, kind, "it", "https://x.example/" + id, "Pharmacy Technician " + id, summary,
                Instant.now(), false, Instant.now(), null, null, null, null);
    }

    /** A job lead whose raw record is just under the producer's limit, so its tagged form is over it. */
    private static Item bigItem(String id) {
        int limit = bus.clients().maxRequestSize();
        int base = RecordLimits.sizeOf(new ProducerRecord<>(Topics.LEADS_RAW, id, Json.bytes(item(id, Kind.JOB, ""))));
        String para = "Inpatient hospital pharmacy, IV room, night shift. Lorem ipsum dolor sit amet consectetur. ";
        StringBuilder summary = new StringBuilder();
        while (summary.length() < limit - base - 64) summary.append(para);
        summary.setLength(limit - base - 64);
        return item(id, Kind.JOB, summary.toString());
    }

    @Test
    @Order(1)
    void aRecordWhoseTaggedFormIsTooLargeIsDeadLetteredAndTheOthersAreTagged() throws Exception {
        Item big = bigItem("big-1");
        byte[] bigBytes = Json.bytes(big);
        ProducerRecord<String, byte[]> bigRecord = new ProducerRecord<>(Topics.LEADS_RAW, big.id(), bigBytes);
        int limit = bus.clients().maxRequestSize();
        assertThat(RecordLimits.sizeOf(bigRecord)).as("the raw record fits Kafka").isLessThanOrEqualTo(limit);
        assertThat(RecordLimits.sizeOf(new ProducerRecord<>(Topics.ITEMS_TAGGED, big.id(), Json.bytes(tagger.tag(big)))))
                .as("its tagged form does not").isGreaterThan(limit);

        List<String> normal = new ArrayList<>();
        try (KafkaProducer<String, byte[]> producer = bus.clients().producer("it-raw")) {
            for (int i = 0; i < 60; i++) {
                Item item = item("ok-" + i, i % 2 == 0 ? Kind.JOB : Kind.NEWS, "Retail pharmacy technician, CPhT preferred.");
                normal.add(item.id());
                producer.send(new ProducerRecord<>(Topics.rawTopicFor(item.kind()), item.id(), Json.bytes(item))).get();
                if (i == 30) producer.send(bigRecord).get();
            }
        }

        TagStage stage = new TagStage(bus.clients(), tagger::tag, "0", null);
        stage.drain(Duration.ofSeconds(90)); // before: the batch holding the big record aborted again and again, never catching up
        stage.closeClients();
        assertThat(stage.deadLetterCount()).isEqualTo(1);

        Map<String, Integer> tagged = countByKey(readAll(Topics.ITEMS_TAGGED));
        for (String id : normal) assertThat(tagged.get(id)).as(id).isEqualTo(1);
        assertThat(tagged).doesNotContainKey(big.id());

        List<ConsumerRecord<String, byte[]>> dead = deadLettersOf(big.id());
        assertThat(dead).hasSize(1);
        ConsumerRecord<String, byte[]> letter = dead.get(0);
        String reason = DeadLetters.header(letter.headers(), DeadLetters.ERROR);
        assertThat(reason).startsWith("tagged item too large for Kafka").contains("max.request.size", "summary of");
        assertThat(DeadLetters.header(letter.headers(), DeadLetters.STAGE)).isEqualTo(TagStage.STAGE);
        assertThat(DeadLetters.header(letter.headers(), DeadLetters.ORIGIN_TOPIC)).isEqualTo(Topics.LEADS_RAW);
        // the original bytes, cut only if the dead letter would not fit Kafka itself (and then it says so)
        byte[] kept = letter.value();
        assertThat(bigBytes).startsWith(kept);
        if (kept.length < bigBytes.length) assertThat(DeadLetters.header(letter.headers(), DeadLetters.VALUE_CUT)).contains("kept");

        try (ReadinessProbe probe = new ReadinessProbe(bus.clients(), bus.clients().groupId(TagStage.STAGE), RAW, Duration.ofSeconds(10),
                100, Clock.systemUTC())) {
            assertThat(probe.checkNow().lag()).as("lag").isZero();
        }

        // a restart does not try it again
        TagStage restarted = new TagStage(bus.clients(), tagger::tag, "0", null);
        assertThat(restarted.drain(Duration.ofSeconds(60))).isZero();
        restarted.closeClients();
        assertThat(restarted.deadLetterCount()).isZero();
        assertThat(deadLettersOf(big.id())).hasSize(1);
    }

    @Test
    @Order(2)
    void aFencedStageStopsAndReadinessSaysWhy() throws Exception {
        KafkaClients clients = new KafkaClients(bus.clients().bootstrapServers(), "fenced", Map.of());
        TagStage first = new TagStage(clients, tagger::tag, "x", null);
        Thread running = new Thread(first::run, "tagger-first");
        running.start();
        TagStage second = new TagStage(clients, tagger::tag, "x", null); // same transactional id: fences the first
        try (KafkaProducer<String, byte[]> producer = bus.clients().producer("it-raw")) {
            Item item = item("after-fence", Kind.NEWS, "Hospital pharmacy news.");
            producer.send(new ProducerRecord<>(Topics.NEWS_RAW, item.id(), Json.bytes(item))).get();
        }
        running.join(60_000);
        assertThat(running.isAlive()).as("the fenced stage's loop ended").isFalse();
        StageHealth.State state = first.health().state();
        assertThat(state.stopped()).isNotBlank();

        try (ReadinessProbe probe = new ReadinessProbe(clients, clients.groupId(TagStage.STAGE), RAW, Duration.ofSeconds(10), 100,
                Clock.systemUTC()).watching(first.health())) {
            probe.checkNow();
            HealthStatus.Component tagger = probe.tagger(true);
            assertThat(tagger.up()).isFalse();
            assertThat(tagger.detail()).startsWith("stopped: fenced: another instance with the same id took over").doesNotContain("Exception", "org.apache");
        } finally {
            second.closeClients();
        }
    }

    @Test
    @Order(3)
    void batchesThatKeepFailingMakeTheTaggerNotReadyWithTheErrorUntilTheyRecover() throws Exception {
        // the tagged topic is gone: every send waits max.block.ms for its metadata and fails, batch after batch
        KafkaClients clients = new KafkaClients(bus.clients().bootstrapServers(), "broken", Map.of("max.block.ms", "3000"));
        try (Admin admin = Admin.create(bus.clients().common())) {
            admin.deleteTopics(List.of(Topics.ITEMS_TAGGED)).all().get(30, TimeUnit.SECONDS);
            awaitTrue(() -> topicGone(admin), Duration.ofSeconds(30));
        }
        TagStage stage = new TagStage(clients, tagger::tag, "0", null);
        Thread running = new Thread(stage::run, "tagger-broken");
        running.start();
        try (ReadinessProbe probe = new ReadinessProbe(clients, clients.groupId(TagStage.STAGE), RAW, Duration.ofSeconds(10),
                0, Clock.systemUTC()).watching(stage.health())) {
            awaitTrue(() -> stage.health().state().failuresInRow() >= StageHealth.FAILING_AFTER, Duration.ofSeconds(90));
            assertThat(running.isAlive()).as("a failing batch does not end the loop").isTrue();
            probe.checkNow();
            HealthStatus.Component failing = probe.tagger(true);
            assertThat(failing.up()).isFalse();
            assertThat(failing.detail()).contains("batches failed in a row", "last error:", Topics.ITEMS_TAGGED)
                    .doesNotContain("Exception", "org.apache");

            TopicAdmin.ensureTopics(bus.clients(), 3, (short) 1); // the cause goes away
            awaitTrue(() -> stage.health().state().failuresInRow() == 0, Duration.ofSeconds(90));
            awaitTrue(() -> {
                probe.checkNow();
                return probe.tagger(true).up();
            }, Duration.ofSeconds(90));
            assertThat(probe.tagger(true).detail()).contains("lag 0");
        } finally {
            stage.close();
            running.join(30_000);
        }
        assertThat(stage.health().state().stopped()).isEqualTo("closed");
    }

    private static boolean topicGone(Admin admin) {
        try {
            return !admin.listTopics().names().get(10, TimeUnit.SECONDS).contains(Topics.ITEMS_TAGGED);
        } catch (Exception e) {
            return false;
        }
    }

    private static void awaitTrue(BooleanSupplier condition, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("not true within " + timeout);
            Thread.sleep(200);
        }
    }

    private static List<ConsumerRecord<String, byte[]>> deadLettersOf(String key) {
        return readAll(Topics.DEADLETTER).stream().filter(r -> key.equals(r.key())).toList();
    }

    private static Map<String, Integer> countByKey(List<ConsumerRecord<String, byte[]>> records) {
        Map<String, Integer> out = new HashMap<>();
        for (ConsumerRecord<String, byte[]> r : records) out.merge(r.key(), 1, Integer::sum);
        return out;
    }

    /** Every committed record of a topic, read_committed. */
    private static List<ConsumerRecord<String, byte[]>> readAll(String topic) {
        List<ConsumerRecord<String, byte[]>> out = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> c = bus.clients().reader("it-check")) {
            List<TopicPartition> parts = c.partitionsFor(topic).stream().map(p -> new TopicPartition(topic, p.partition())).toList();
            c.assign(parts);
            c.seekToBeginning(parts);
            Map<TopicPartition, Long> end = c.endOffsets(parts);
            long deadline = System.currentTimeMillis() + 30_000;
            while (parts.stream().anyMatch(tp -> c.position(tp) < end.get(tp)) && System.currentTimeMillis() < deadline) {
                c.poll(Duration.ofMillis(200)).forEach(out::add);
            }
        }
        return out;
    }
}
