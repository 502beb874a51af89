package org.rxradar.trend;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rxradar.bus.Bus;
import org.rxradar.bus.KafkaClients;
import org.rxradar.bus.StageHealth;
import org.rxradar.bus.Topics;
import org.rxradar.config.RxRadarConfig;
import org.rxradar.model.Json;
import org.rxradar.model.TaggedItem;

/**
 * The trend stage on the real embedded broker when the snapshots cannot be stored: the offsets
 * stay uncommitted (they used to be committed after a {@code flush()} that reports nothing), the
 * loop goes on and says it is failing, and a restart counts every record.
 */
class TrendStageIT {
    @TempDir
    static Path dir;
    static Bus bus;
    private static final TrendStream STREAM = new TrendStream(7L);
    private static final Clock CLOCK = Clock.fixed(TrendStream.LAST.atTime(12, 0).toInstant(ZoneOffset.UTC), ZoneOffset.UTC);

    @BeforeAll
    static void startBroker() {
        bus = Bus.open(new RxRadarConfig.Kafka("", 2, null, new RxRadarConfig.Embedded(0, 0, dir.resolve("kafka").toString()), "it", null));
    }

    @AfterAll
    static void stopBroker() {
        bus.close();
    }

    @Test
    void snapshotsTheTopicRefusesLeaveTheOffsetsUncommittedSoARestartCountsEveryRecord() throws Exception {
        try (KafkaProducer<String, byte[]> producer = bus.clients().producer("it-tagged")) {
            for (TaggedItem item : STREAM.items) producer.send(new ProducerRecord<>(Topics.ITEMS_TAGGED, item.id(), Json.bytes(item)));
            producer.flush();
        }
        try (Admin admin = Admin.create(bus.clients().common())) {
            // every snapshot is refused by the broker: larger than the topic allows (a day's snapshot here is a
            // kilobyte or more); the snapshots are written in transactions, whose markers (about 80 bytes) must fit
            setTrendsMaxMessageBytes(admin, "256");

            // one record per batch: Kafka's producer splits a refused batch of several records and sends it
            // again until delivery.timeout.ms (two minutes); a single record is refused at once
            KafkaClients oneRecordBatches = new KafkaClients(bus.clients().bootstrapServers(), "it", Map.of("batch.size", "1"));
            TrendStage first = new TrendStage(oneRecordBatches, new TrendStore(), CLOCK);
            Thread running = new Thread(first::run, "trend-first");
            running.start();
            awaitTrue(() -> first.health().state().failuresInRow() >= 2, Duration.ofSeconds(90));
            assertThat(running.isAlive()).as("a send failure does not end the loop").isTrue();
            StageHealth.State state = first.health().state();
            assertThat(state.lastError()).contains("trend snapshots not stored, offsets left uncommitted");
            assertThat(committed(admin)).as("offsets committed although the snapshots were refused").isEmpty();
            assertThat(TrendStage.readSnapshots(bus.clients())).isEmpty();
            first.close(); // as good as a crash here: nothing it counted was stored
            running.join(30_000);

            // the topic takes them again: a restart restores nothing and counts every record from the topic
            setTrendsMaxMessageBytes(admin, null);
            TrendStore store = new TrendStore();
            TrendStage second = new TrendStage(bus.clients(), store, CLOCK);
            second.drain(Duration.ofSeconds(90));
            second.closeClients();
            assertThat(store.days()).hasSize(TrendStream.DAYS);
            for (LocalDate day : store.days()) TrendStoreTest.assertMatchesTruth(store.snapshot(day).orElseThrow(), STREAM.expected.get(day));
            assertThat(committed(admin)).isNotEmpty();
            assertThat(TrendStage.readSnapshots(bus.clients())).extracting(TrendSnapshot::day).containsAll(store.days());
            assertThat(second.health().state().failuresInRow()).isZero();
        }
    }

    private static void setTrendsMaxMessageBytes(Admin admin, String value) throws Exception {
        ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, Topics.TRENDS);
        AlterConfigOp op = value == null
                ? new AlterConfigOp(new ConfigEntry(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, ""), AlterConfigOp.OpType.DELETE)
                : new AlterConfigOp(new ConfigEntry(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, value), AlterConfigOp.OpType.SET);
        Map<ConfigResource, Collection<AlterConfigOp>> change = Map.of(topic, List.of(op));
        admin.incrementalAlterConfigs(change).all().get(30, TimeUnit.SECONDS);
    }

    /** The trend group's committed offsets on the tagged topic. */
    private static Map<TopicPartition, OffsetAndMetadata> committed(Admin admin) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> all = admin.listConsumerGroupOffsets(bus.clients().groupId(TrendStage.STAGE))
                .partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
        all.values().removeIf(o -> o == null);
        return all;
    }

    private static void awaitTrue(BooleanSupplier condition, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("not true within " + timeout);
            Thread.sleep(200);
        }
    }
}
