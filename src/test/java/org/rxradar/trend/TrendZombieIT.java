package org.rxradar.trend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.rxradar.trend.TrendInstances.awaitAllShow;
import static org.rxradar.trend.TrendInstances.awaitTrue;
import static org.rxradar.trend.TrendInstances.oneOwner;
import static org.rxradar.trend.TrendInstances.owners;
import static org.rxradar.trend.TrendInstances.stableGroup;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rxradar.bus.Bus;
import org.rxradar.bus.KafkaClients;
import org.rxradar.bus.SingleOwnerAssignor;
import org.rxradar.bus.Topics;
import org.rxradar.config.RxRadarConfig;
import org.rxradar.model.Json;
import org.rxradar.model.TaggedItem;
import org.rxradar.trend.TrendInstances.Instance;

/**
 * An owner that stops without knowing it (a long pause): it counted a batch and wrote the snapshots
 * and the offsets in a transaction, then froze before committing it. The group drops it after the
 * session timeout and another instance takes the partitions; that one must neither count the batch
 * from the old offsets while the frozen transaction may still commit, nor restore without it when it
 * does. Then the frozen owner wakes and tries once more, with its old group generation: Kafka
 * refuses its offsets (KIP-447), the transaction is aborted, and nobody ever sees its snapshot.
 */
class TrendZombieIT {
    private static final int PARTITIONS = 3;
    private static final Duration CONVERGE = Duration.ofSeconds(120);

    @TempDir
    static Path dir;
    static Bus bus;

    @BeforeAll
    static void startBroker() {
        bus = Bus.open(new RxRadarConfig.Kafka("", PARTITIONS, null,
                new RxRadarConfig.Embedded(0, 0, dir.resolve("kafka").toString()), "it", null));
    }

    @AfterAll
    static void stopBroker() {
        bus.close();
    }

    @Test
    void aFrozenOwnersLateCommitIsRestoredAndItsStaleWriteIsNeverSeen() throws Exception {
        KafkaClients clients = bus.clients();
        ClusteredItems items = new ClusteredItems(PARTITIONS, 99L);
        List<Instance> instances = new ArrayList<>();
        KafkaClients zClients = clients.withInstance("0"); // the smallest id: the zombie counts first
        try (Admin admin = Admin.create(clients.common());
             KafkaConsumer<String, byte[]> zombie = zClients.consumer(TrendStage.STAGE, "zombie",
                     Map.of(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, List.of(SingleOwnerAssignor.class.getName())));
             KafkaProducer<String, byte[]> zProducer = producerWithLongTransactions(clients)) {
            zombie.subscribe(List.of(Topics.ITEMS_TAGGED));
            zProducer.initTransactions();
            awaitTrue("the zombie owns the partitions", () -> {
                zombie.poll(Duration.ofMillis(100));
                return zombie.assignment().size() == PARTITIONS;
            }, CONVERGE);
            for (String id : List.of("b", "c")) instances.add(new Instance(clients, id));
            awaitTrue("3 members, the zombie counting", () -> {
                zombie.poll(Duration.ofMillis(100));
                return oneOwner(admin, clients, 3, PARTITIONS) && stableGroup(admin, clients).get("0.trend") == PARTITIONS;
            }, CONVERGE);

            // it counts the first wave as the stage does, and freezes before committing
            List<TaggedItem> first = items.batch(2_000, 400, 0, 150, 200);
            items.produce(clients, first);
            TrendStore counted = new TrendStore();
            Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
            awaitTrue("the zombie read the wave", () -> {
                for (ConsumerRecord<String, byte[]> r : zombie.poll(Duration.ofMillis(200))) {
                    counted.add(parse(r.value()));
                    offsets.put(new TopicPartition(r.topic(), r.partition()), new OffsetAndMetadata(r.offset() + 1));
                }
                return offsets.values().stream().mapToLong(OffsetAndMetadata::offset).sum() == first.size();
            }, CONVERGE);
            ConsumerGroupMetadata generation = zombie.groupMetadata();
            zProducer.beginTransaction();
            for (TrendSnapshot s : counted.takeChanged()) zProducer.send(new ProducerRecord<>(Topics.TRENDS, s.key(), s.toJson()));
            zProducer.sendOffsetsToTransaction(offsets, generation); // accepted: it still holds this generation
            zProducer.flush();
            zombie.close(CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.REMAIN_IN_GROUP)); // frozen
            long frozen = System.nanoTime();

            awaitTrue("another instance takes the partitions", () -> owners(instances).size() == 1, CONVERGE);
            long takeOverMs = (System.nanoTime() - frozen) / 1_000_000;
            Thread.sleep(2_000);
            for (Instance i : instances)
                assertThat(i.view.store().days()).as("what %s shows while the frozen transaction is open", i.id).isEmpty();

            zProducer.commitTransaction(); // it wakes and commits what it did while it was the owner
            TrendStore truth = items.truth();
            awaitAllShow(instances, truth, CONVERGE);
            System.out.printf("trend zombie: partitions moved %d ms after the owner froze; its late commit was restored, "
                    + "every instance shows %d relevant leads%n", takeOverMs, ClusteredItems.relevantLeads(truth));

            // it writes again with its old generation: refused, aborted, never seen
            zProducer.beginTransaction();
            TrendSnapshot bogus = new TrendSnapshot(TrendSnapshot.VERSION, ClusteredItems.LAST, 99_999, Map.of("retail", 99_999), Map.of(),
                    Map.of(), 0, Map.of(), 0, Map.of(), 0, Map.of(), IntStream.range(0, 20_000).mapToObj(n -> "bogus-" + n).toList());
            zProducer.send(new ProducerRecord<>(Topics.TRENDS, bogus.key(), bogus.toJson()));
            Map<TopicPartition, OffsetAndMetadata> further = new HashMap<>();
            offsets.forEach((tp, o) -> further.put(tp, new OffsetAndMetadata(o.offset() + 1_000)));
            assertThatThrownBy(() -> {
                zProducer.sendOffsetsToTransaction(further, generation);
                zProducer.commitTransaction();
            }).isInstanceOf(KafkaException.class);
            zProducer.abortTransaction();

            items.produce(clients, items.batch(500, 150, 100, 50, 50));
            TrendStore truthAfter = items.truth();
            assertThat(ClusteredItems.relevantLeads(truthAfter)).isEqualTo(2_500);
            awaitAllShow(instances, truthAfter, CONVERGE);
            assertThat(owners(instances)).hasSize(1);
        } finally {
            for (Instance i : instances) i.close();
        }
    }

    private static TaggedItem parse(byte[] value) {
        try {
            return Json.read(value, TaggedItem.class);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The zombie's producer: its transaction outlives the session timeout, so it can still commit after the group dropped it. */
    private static KafkaProducer<String, byte[]> producerWithLongTransactions(KafkaClients clients) {
        Map<String, Object> p = clients.common();
        p.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "it-trend-zombie");
        p.put(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, 120_000);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        return new KafkaProducer<>(p);
    }
}
