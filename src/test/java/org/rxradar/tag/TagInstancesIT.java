package org.rxradar.tag;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
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

/**
 * Several tagger instances (TagStage objects with distinct instance ids, each with its own clients,
 * as separate processes would have) on one real broker: they share the raw topics' partitions
 * through the consumer group, a cleanly stopped instance's partitions move to the others at once,
 * and every raw record is tagged exactly once while instances leave and join mid-stream. A member
 * that lost its partitions while it was stuck in a batch (a zombie) cannot commit that batch.
 */
class TagInstancesIT {
    private static final List<String> RAW = List.of(Topics.NEWS_RAW, Topics.LEADS_RAW);
    /** Partitions of the two raw topics together (3 each). */
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

    /** One tagger "instance": its own clients (its instance id), its stage, its thread. */
    private record Instance(String id, KafkaClients clients, TagStage stage, Thread thread) implements AutoCloseable {
        static Instance start(KafkaClients base, String id, Function<Item, TaggedItem> tagger) {
            KafkaClients clients = base.withInstance(id);
            TagStage stage = new TagStage(clients, tagger, null);
            Thread t = new Thread(stage::run, "tagger-" + id);
            t.start();
            return new Instance(id, clients, stage, t);
        }

        List<TopicPartition> owned() {
            return clients.ownership().partitions(TagStage.STAGE);
        }

        @Override
        public void close() throws InterruptedException {
            stage.close();
            thread.join(30_000);
        }
    }

    @Test
    void instancesSplitThePartitionsAndTagEveryRecordOnceWhileOneLeavesAndAnotherJoins() throws Exception {
        KafkaClients base = new KafkaClients(bus.clients().bootstrapServers(), "share", Map.of());
        String group = base.groupId(TagStage.STAGE);
        int n = 3_000;
        Instance a = Instance.start(base, "a", TagInstancesIT::label);
        Instance b = Instance.start(base, "b", TagInstancesIT::label);
        Instance c = Instance.start(base, "c", TagInstancesIT::label);
        Instance d = null;
        try (Admin admin = Admin.create(base.common())) {
            awaitTrue(() -> splitAmong(admin, group, 3) && owned(a, b, c).size() == RAW_PARTITIONS, Duration.ofSeconds(60));
            assertThat(a.owned()).isNotEmpty().doesNotContainAnyElementsOf(b.owned()).doesNotContainAnyElementsOf(c.owned());
            assertThat(b.owned()).isNotEmpty().doesNotContainAnyElementsOf(c.owned());
            assertThat(c.owned()).isNotEmpty();
            assertThat(describe(admin, group).members()).extracting(m -> m.groupInstanceId().orElse(""))
                    .containsExactlyInAnyOrder("a.tagger", "b.tagger", "c.tagger");

            // the raw records arrive over about 3 s; meanwhile b stops cleanly and d starts
            Thread writer = new Thread(() -> write(0, n, 1), "writer");
            writer.start();
            awaitTrue(() -> taggedCount() > n / 5, Duration.ofSeconds(60));
            List<TopicPartition> fromB = b.owned();
            long stop = System.nanoTime();
            b.close();
            assertThat(b.owned()).as("a stopped instance owns nothing").isEmpty();
            awaitTrue(() -> owned(a, c).containsAll(fromB), Duration.ofSeconds(30));
            long handOverMs = (System.nanoTime() - stop) / 1_000_000;
            System.out.printf("TagInstancesIT: b's %d partitions held by a and c %d ms after b's clean stop began%n", fromB.size(), handOverMs);
            assertThat(handOverMs).as("a clean stop hands over at once, not after the session timeout")
                    .isLessThan(KafkaClients.SESSION_TIMEOUT.toMillis());
            d = Instance.start(base, "d", TagInstancesIT::label);
            Instance dd = d;
            writer.join(60_000);
            assertThat(writer.isAlive()).isFalse();

            try (GroupCatchUp caughtUp = new GroupCatchUp(base, group, RAW)) {
                assertThat(caughtUp.await(Duration.ofSeconds(90))).as("the group committed every raw record").isTrue();
            }
            awaitTrue(() -> splitAmong(admin, group, 3) && owned(a, c, dd).size() == RAW_PARTITIONS, Duration.ofSeconds(60));
            assertThat(describe(admin, group).members()).extracting(m -> m.groupInstanceId().orElse(""))
                    .containsExactlyInAnyOrder("a.tagger", "c.tagger", "d.tagger");
            assertThat(d.owned()).as("the new instance got partitions").isNotEmpty();

            Map<String, Integer> tagged = countByKey(readAll(Topics.ITEMS_TAGGED), "item-");
            assertThat(tagged).as("every raw record tagged").hasSize(n);
            assertThat(tagged.values()).as("each exactly once").allMatch(count -> count == 1);
            for (Instance i : List.of(a, c, d)) {
                assertThat(i.thread().isAlive()).as(i.id() + " runs").isTrue();
                assertThat(i.stage().health().state().failing()).as(i.id() + " is not failing").isFalse();
            }
        } finally {
            for (Instance i : new Instance[] {a, b, c, d}) if (i != null) i.close();
        }
    }

    @Test
    void aMemberThatLostItsPartitionsWhileStuckInABatchCannotCommitIt() throws Exception {
        // a short max.poll.interval.ms: an instance stuck in one batch longer than that, then the session
        // timeout, loses its partitions to the other instance while its transaction is still open
        KafkaClients base = new KafkaClients(bus.clients().bootstrapServers(), "zombie", Map.of("max.poll.interval.ms", "3000"));
        String group = base.groupId(TagStage.STAGE);
        CountDownLatch stuck = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Function<Item, TaggedItem> slow = i -> {
            if (i.id().startsWith("zombie-")) {
                stuck.countDown();
                try {
                    release.await(90, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return label(i);
        };
        Instance zombie = Instance.start(base, "z", slow);
        Instance other = null;
        try (Admin admin = Admin.create(base.common())) {
            awaitTrue(() -> zombie.owned().size() == RAW_PARTITIONS, Duration.ofSeconds(60));
            other = Instance.start(base, "o", TagInstancesIT::label);
            Instance o = other;
            awaitTrue(() -> splitAmong(admin, group, 2), Duration.ofSeconds(60));
            // one record on every partition: one of them reaches the zombie, which gets stuck on it
            writeZombies();
            assertThat(stuck.await(30, TimeUnit.SECONDS)).isTrue();
            long since = System.nanoTime();
            awaitTrue(() -> o.owned().size() == RAW_PARTITIONS, Duration.ofSeconds(60));
            System.out.printf("TagInstancesIT: the stuck member's partitions moved %d ms after it got stuck%n",
                    (System.nanoTime() - since) / 1_000_000);
            awaitTrue(() -> countByKey(readAll(Topics.ITEMS_TAGGED), "zombie-").size() == RAW_PARTITIONS, Duration.ofSeconds(60));
            release.countDown(); // the zombie wakes up and tries to commit the batch the other instance has tagged meanwhile
            awaitTrue(() -> zombie.stage().health().state().failuresInRow() > 0 || !zombie.thread().isAlive(), Duration.ofSeconds(30));
            assertThat(zombie.stage().health().state().lastError()).as("why the zombie's commit failed").isNotBlank();
            System.out.println("TagInstancesIT: the zombie's commit failed with: " + zombie.stage().health().state().lastError());
            assertThat(zombie.stage().health().state().fenced()).as("a zombie is not a second process with its id").isFalse();

            try (GroupCatchUp caughtUp = new GroupCatchUp(base, group, RAW)) {
                assertThat(caughtUp.await(Duration.ofSeconds(60))).isTrue();
            }
            Thread.sleep(2_000); // time for a wrongly committed second copy to show
            Map<String, Integer> tagged = countByKey(readAll(Topics.ITEMS_TAGGED), "zombie-");
            assertThat(tagged).hasSize(RAW_PARTITIONS);
            assertThat(tagged.values()).as("the zombie's batch was not committed a second time").allMatch(count -> count == 1);
        } finally {
            release.countDown();
            zombie.close();
            if (other != null) other.close();
        }
    }

    /** One "zombie-" record on each raw partition. */
    private static void writeZombies() throws Exception {
        try (KafkaProducer<String, byte[]> producer = bus.clients().producer("it-raw")) {
            for (String topic : RAW) {
                for (int p = 0; p < 3; p++) {
                    Item item = item("zombie-" + topic + "-" + p, topic.equals(Topics.LEADS_RAW) ? Kind.JOB : Kind.NEWS);
                    producer.send(new ProducerRecord<>(topic, p, item.id(), Json.bytes(item))).get();
                }
            }
        }
    }

    /** Writes items {@code from}…{@code to - 1}, pausing {@code pauseMs} every record so they arrive over a few seconds. */
    private static void write(int from, int to, long pauseMs) {
        try (KafkaProducer<String, byte[]> producer = bus.clients().producer("it-raw")) {
            for (int i = from; i < to; i++) {
                Item item = item("item-" + i, i % 2 == 0 ? Kind.JOB : Kind.NEWS);
                producer.send(new ProducerRecord<>(Topics.rawTopicFor(item.kind()), item.id(), Json.bytes(item)));
                if (pauseMs > 0) Thread.sleep(pauseMs);
            }
            producer.flush();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Item item(String id, Kind kind) {
        return new Item(1, id, kind, "it", "https://x.example/" + id, "t " + id, "s", Instant.now(), false, Instant.now(), null, null,
                null, null);
    }

    private static TaggedItem label(Item i) {
        return new TaggedItem(TaggedItem.VERSION, i.id(), i.kind(), i.source(), i.url(), i.title(), i.summary(), i.published(),
                i.publishedEstimated(), i.fetched(), i.updated(), i.employer(), Place.unknown(i.location()), List.of("hospital"),
                List.of(), Map.of(), Map.of(), true, null, List.of(), null, List.of(), null, Instant.now());
    }

    private static Set<TopicPartition> owned(Instance... instances) {
        Set<TopicPartition> all = new HashSet<>();
        for (Instance i : instances) all.addAll(i.owned());
        return all;
    }

    private static ConsumerGroupDescription describe(Admin admin, String group) {
        try {
            return admin.describeConsumerGroups(List.of(group)).describedGroups().get(group).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The group has {@code members} members, each with partitions, and every raw partition is assigned once. */
    private static boolean splitAmong(Admin admin, String group, int members) {
        ConsumerGroupDescription d = describe(admin, group);
        if (d.members().size() != members) return false;
        List<TopicPartition> all = new ArrayList<>();
        for (MemberDescription m : d.members()) {
            if (m.assignment().topicPartitions().isEmpty()) return false;
            all.addAll(m.assignment().topicPartitions());
        }
        return all.size() == RAW_PARTITIONS && new HashSet<>(all).size() == RAW_PARTITIONS;
    }

    private static long taggedCount() {
        return readAll(Topics.ITEMS_TAGGED).size();
    }

    private static Map<String, Integer> countByKey(List<ConsumerRecord<String, byte[]>> records, String prefix) {
        Map<String, Integer> out = new HashMap<>();
        for (ConsumerRecord<String, byte[]> r : records) {
            if (r.key() != null && r.key().startsWith(prefix)) out.merge(r.key(), 1, Integer::sum);
        }
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

    private static void awaitTrue(BooleanSupplier condition, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("not true within " + timeout);
            Thread.sleep(200);
        }
    }
}
