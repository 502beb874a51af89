package org.rxradar.trend;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.common.GroupState;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rxradar.bus.Bus;
import org.rxradar.bus.KafkaClients;
import org.rxradar.config.RxRadarConfig;
import org.rxradar.model.TaggedItem;

/**
 * Three instances' trend stages (distinct instance ids) on one real broker, over a tagged topic of
 * three partitions holding 2,000 relevant leads, some of them posted on several boards whose
 * copies sit in other partitions than the first: one instance counts, and every instance's
 * {@link TrendView} (what {@code /trends} and the weekly digest read) shows the counts one stage
 * over everything gives. Then the owner stops, more items come, another instance takes the
 * counting over, and the counts stay exact (nothing counted twice, nothing lost); and the stopped
 * instance comes back without disturbing them.
 *
 * <p>Before: each instance counted its own partitions into one key per day, and each reported a
 * different, wrong count (the issue saw 1,023 / 1,288 / 1,662 of 2,000).
 */
class TrendOwnersIT {
    private static final int PARTITIONS = 3;
    private static final Clock CLOCK = Clock.fixed(ClusteredItems.LAST.atTime(23, 0).toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
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

    /** One in-JVM instance: its trend stage on its own thread, and the view its /trends would serve. */
    static final class Instance implements AutoCloseable {
        final String id;
        final KafkaClients clients;
        final TrendStage stage;
        final TrendView view;
        final Thread thread;

        Instance(String id) {
            this.id = id;
            this.clients = bus.clients().withInstance(id);
            this.view = TrendView.follow(clients, new TrendStore());
            this.stage = new TrendStage(clients, new TrendStore(), CLOCK);
            this.thread = new Thread(stage::run, "trend-" + id);
            thread.start();
        }

        /** A clean stop: the loop ends and the consumer leaves the group. The view keeps following. */
        void stopStage() throws InterruptedException {
            stage.close();
            thread.join(30_000);
        }

        @Override
        public void close() throws InterruptedException {
            if (thread.isAlive()) stopStage();
            view.close();
        }
    }

    @Test
    void everyInstanceShowsTheTrueCountsAndATakeOverKeepsThemExact() throws Exception {
        ClusteredItems items = new ClusteredItems(PARTITIONS, 12L);
        List<Instance> instances = new ArrayList<>();
        try (Admin admin = Admin.create(bus.clients().common())) {
            for (String id : List.of("c", "a", "b")) instances.add(new Instance(id));
            awaitTrue("one owner among 3 members", () -> oneOwnerOfThree(admin) && owners(instances).size() == 1, CONVERGE);

            // 2,000 leads, 400 copies of them on other boards (other partitions), 150 news, 200 irrelevant leads
            List<TaggedItem> first = items.batch(2_000, 400, 0, 150, 200);
            items.produce(bus.clients(), first);
            TrendStore truth = items.truth();
            assertThat(ClusteredItems.relevantLeads(truth)).isEqualTo(2_000);
            awaitAllShow(instances, truth);

            Instance owner = owners(instances).get(0);
            assertThat(owner.clients.ownership().partitions(TrendStage.STAGE)).hasSize(PARTITIONS);
            assertThat(stableGroup(admin)).as("the group coordinator's view").containsEntry(owner.id + "." + TrendStage.STAGE, PARTITIONS);
            for (Instance i : instances) {
                if (i != owner) assertThat(i.clients.ownership().partitions(TrendStage.STAGE)).as("partitions of %s", i.id).isEmpty();
                ClusteredItems.assertSame(i.view.store(), truth, "instance " + i.id);
            }
            assertThat(ClusteredItems.relevantLeads(owner.stage.store())).as("the owner's own count").isEqualTo(2_000);
            System.out.printf("trend owners: %s counted %d relevant leads of %d records; every instance shows %d%n", owner.id,
                    ClusteredItems.relevantLeads(owner.stage.store()), first.size(), ClusteredItems.relevantLeads(truth));

            // the owner stops; more items come, with copies of old clusters and updates of old ids
            long stop = System.nanoTime();
            owner.stopStage();
            List<TaggedItem> second = items.batch(500, 150, 100, 50, 50);
            items.produce(bus.clients(), second);
            awaitTrue("another owner", () -> owners(instances).size() == 1 && owners(instances).get(0) != owner, CONVERGE);
            long takeOverMs = (System.nanoTime() - stop) / 1_000_000;
            TrendStore truthAfter = items.truth();
            assertThat(ClusteredItems.relevantLeads(truthAfter)).isEqualTo(2_500);
            awaitAllShow(instances, truthAfter);
            Instance next = owners(instances).get(0);
            System.out.printf("trend owners: %s stopped, %s took over in %d ms; every instance shows %d relevant leads%n",
                    owner.id, next.id, takeOverMs, ClusteredItems.relevantLeads(truthAfter));

            // the stopped instance (the smallest id) comes back: the instance counting now keeps counting
            instances.remove(owner);
            owner.close();
            Instance back = new Instance(owner.id);
            instances.add(back);
            awaitTrue("3 members again", () -> oneOwnerOfThree(admin), CONVERGE);
            assertThat(stableGroup(admin)).containsEntry(next.id + "." + TrendStage.STAGE, PARTITIONS);
            assertThat(owners(instances)).containsExactly(next);
            items.produce(bus.clients(), items.batch(100, 30, 30, 10, 10));
            TrendStore truthLast = items.truth();
            assertThat(ClusteredItems.relevantLeads(truthLast)).isEqualTo(2_600);
            awaitAllShow(instances, truthLast);
            assertThat(owners(instances)).containsExactly(next);
        } finally {
            for (Instance i : instances) i.close();
        }
    }

    private static List<Instance> owners(List<Instance> instances) {
        return instances.stream().filter(i -> i.thread.isAlive() && i.stage.isOwner()).toList();
    }

    /**
     * The trend group as its coordinator sees it once stable: each member's instance id with the
     * number of partitions it holds; empty while it rebalances.
     */
    static Map<String, Integer> stableGroup(Admin admin) {
        try {
            String group = bus.clients().groupId(TrendStage.STAGE);
            ConsumerGroupDescription d = admin.describeConsumerGroups(List.of(group)).all().get(10, TimeUnit.SECONDS).get(group);
            if (d.groupState() != GroupState.STABLE) return Map.of();
            Map<String, Integer> out = new TreeMap<>();
            for (MemberDescription m : d.members())
                out.put(m.groupInstanceId().orElse(m.consumerId()), m.assignment().topicPartitions().size());
            return out;
        } catch (Exception e) {
            return Map.of();
        }
    }

    /** Three members, one holding every partition. */
    private static boolean oneOwnerOfThree(Admin admin) {
        Map<String, Integer> g = stableGroup(admin);
        return g.size() == 3 && g.values().stream().sorted().toList().equals(List.of(0, 0, PARTITIONS));
    }

    private static void awaitAllShow(List<Instance> instances, TrendStore truth) throws InterruptedException {
        int want = ClusteredItems.relevantLeads(truth);
        try {
            awaitTrue("every view shows " + want + " relevant leads",
                    () -> instances.stream().allMatch(i -> ClusteredItems.comparable(i.view.store()).equals(ClusteredItems.comparable(truth))),
                    CONVERGE);
        } catch (AssertionError e) {
            for (Instance i : instances) System.out.printf("instance %s (owner %s): %d relevant leads%n", i.id, i.stage.isOwner(),
                    ClusteredItems.relevantLeads(i.view.store()));
            throw e;
        }
        for (Instance i : instances) ClusteredItems.assertSame(i.view.store(), truth, "instance " + i.id);
    }

    private static void awaitTrue(String what, BooleanSupplier condition, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError(what + ": not true within " + timeout);
            Thread.sleep(200);
        }
    }
}
