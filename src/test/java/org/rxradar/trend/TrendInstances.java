package org.rxradar.trend;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.common.GroupState;
import org.rxradar.bus.KafkaClients;

/** In-JVM trend instances on one broker, and what the multi-instance trend tests check about them. */
final class TrendInstances {
    static final Clock CLOCK = Clock.fixed(ClusteredItems.LAST.atTime(23, 0).toInstant(ZoneOffset.UTC), ZoneOffset.UTC);

    private TrendInstances() {}

    /** One instance: its trend stage on its own thread, and the view its /trends would serve. */
    static final class Instance implements AutoCloseable {
        final String id;
        final KafkaClients clients;
        final TrendStage stage;
        final TrendView view;
        final Thread thread;

        Instance(KafkaClients base, String id) {
            this.id = id;
            this.clients = base.withInstance(id);
            this.view = TrendView.follow(clients, new TrendStore());
            this.stage = new TrendStage(clients, new TrendStore(), CLOCK);
            this.thread = new Thread(stage::run, "trend-" + id);
            thread.start();
        }

        boolean counting() {
            return thread.isAlive() && stage.isOwner();
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

    static List<Instance> owners(List<Instance> instances) {
        return instances.stream().filter(Instance::counting).toList();
    }

    /**
     * The trend group as its coordinator sees it once stable: each member's instance id (with the
     * stage, {@code a.trend}) and the number of partitions it holds; empty while it rebalances.
     */
    static Map<String, Integer> stableGroup(Admin admin, KafkaClients clients) {
        try {
            String group = clients.groupId(TrendStage.STAGE);
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

    /** {@code members} members, one holding every partition. */
    static boolean oneOwner(Admin admin, KafkaClients clients, int members, int partitions) {
        Map<String, Integer> g = stableGroup(admin, clients);
        if (g.size() != members) return false;
        List<Integer> held = g.values().stream().sorted().toList();
        return held.get(held.size() - 1) == partitions && held.stream().mapToInt(Integer::intValue).sum() == partitions;
    }

    /** Waits until every instance's view holds the true counts, then asserts it in detail. */
    static void awaitAllShow(List<Instance> instances, TrendStore truth, Duration timeout) throws InterruptedException {
        Map<?, String> want = ClusteredItems.comparable(truth);
        try {
            awaitTrue("every view shows " + ClusteredItems.relevantLeads(truth) + " relevant leads",
                    () -> instances.stream().allMatch(i -> ClusteredItems.comparable(i.view.store()).equals(want)), timeout);
        } catch (AssertionError e) {
            for (Instance i : instances) System.out.printf("instance %s (counting: %s): %d relevant leads%n", i.id, i.counting(),
                    ClusteredItems.relevantLeads(i.view.store()));
            throw e;
        }
        for (Instance i : instances) ClusteredItems.assertSame(i.view.store(), truth, "instance " + i.id);
    }

    static void awaitTrue(String what, BooleanSupplier condition, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError(what + ": not true within " + timeout);
            Thread.sleep(100);
        }
    }
}
