package org.rxradar.bus;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rxradar.config.RxRadarConfig;

/**
 * What {@code run --once} waits on before it ends: a group has caught up with a topic written in
 * transactions when its committed offsets reach the ends, or stop one short of them at the
 * commit marker (no record left to read); one record short is not caught up.
 */
class GroupCatchUpIT {
    private static final String TOPIC = Topics.LEADS_RAW;
    @TempDir
    static Path dir;
    static Bus bus;
    /** Per partition, the offset just past the last record written (the commit marker's offset). */
    static final Map<TopicPartition, Long> pastLastRecord = new HashMap<>();

    @BeforeAll
    static void startBrokerAndWriteInTransactions() throws Exception {
        bus = Bus.open(new RxRadarConfig.Kafka("", 1, null, new RxRadarConfig.Embedded(0, 0, dir.resolve("kafka").toString()), "it", null));
        try (KafkaProducer<String, byte[]> producer = bus.clients().transactionalProducer("it-catch-up")) {
            producer.initTransactions();
            for (int t = 0; t < 2; t++) {
                producer.beginTransaction();
                for (int i = 0; i < 6; i++) {
                    RecordMetadata m = producer.send(new ProducerRecord<>(TOPIC, "k" + t + "-" + i, "v".getBytes(StandardCharsets.UTF_8))).get();
                    pastLastRecord.merge(new TopicPartition(TOPIC, m.partition()), m.offset() + 1, Math::max);
                }
                producer.commitTransaction();
            }
        }
    }

    @AfterAll
    static void stopBroker() {
        bus.close();
    }

    private static void commit(String group, long minus) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        pastLastRecord.forEach((tp, o) -> offsets.put(tp, new OffsetAndMetadata(o - minus)));
        try (Admin admin = Admin.create(bus.clients().common())) {
            admin.alterConsumerGroupOffsets(bus.clients().groupId(group), offsets).all().get();
        }
    }

    @Test
    void aGroupPastEveryRecordButShortOfTheMarkersHasCaughtUp() throws Exception {
        commit("at-markers", 0);
        try (GroupCatchUp catchUp = new GroupCatchUp(bus.clients(), bus.clients().groupId("at-markers"), List.of(TOPIC))) {
            assertThat(catchUp.await(Duration.ofSeconds(30))).isTrue();
            assertThat(catchUp.await(Duration.ofSeconds(30))).isTrue(); // asked again with the same reader
        }
    }

    @Test
    void aGroupOneRecordShortHasNotCaughtUp() throws Exception {
        commit("one-short", 1);
        try (GroupCatchUp catchUp = new GroupCatchUp(bus.clients(), bus.clients().groupId("one-short"), List.of(TOPIC))) {
            assertThat(catchUp.await(Duration.ofSeconds(1))).isFalse();
        }
    }
}
