package org.rxradar.trend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rxradar.trend.TrendInstances.awaitAllShow;
import static org.rxradar.trend.TrendInstances.awaitTrue;
import static org.rxradar.trend.TrendInstances.oneOwner;
import static org.rxradar.trend.TrendInstances.owners;
import static org.rxradar.trend.TrendInstances.stableGroup;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rxradar.bus.Bus;
import org.rxradar.bus.KafkaClients;
import org.rxradar.config.RxRadarConfig;
import org.rxradar.model.TaggedItem;
import org.rxradar.trend.TrendInstances.Instance;

/**
 * The counting instance is a real process, killed with SIGKILL while tagged items stream in: it
 * neither leaves the group nor ends its transaction. The group drops it after the session timeout,
 * another instance takes every partition, waits for the killed one's open transaction (if any) to
 * be aborted, restores the snapshots and counts on; every instance then shows exactly the counts
 * one stage over everything gives.
 */
class TrendOwnerKillIT {
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
    void killingTheCountingProcessMovesTheCountingAndKeepsTheCountsExact() throws Exception {
        KafkaClients clients = bus.clients();
        ClusteredItems items = new ClusteredItems(PARTITIONS, 47L);
        List<Instance> instances = new ArrayList<>();
        Process child = startChild("a");
        try (Admin admin = Admin.create(clients.common())) {
            awaitTrue("the child process owns the partitions", () -> stableGroup(admin, clients).equals(Map.of("a.trend", PARTITIONS)), CONVERGE);
            for (String id : List.of("b", "c")) instances.add(new Instance(clients, id));
            awaitTrue("3 members, the child counting", () -> oneOwner(admin, clients, 3, PARTITIONS)
                    && stableGroup(admin, clients).get("a.trend") == PARTITIONS, CONVERGE);

            items.produce(clients, items.batch(2_000, 400, 0, 150, 200));
            awaitAllShow(instances, items.truth(), CONVERGE);
            assertThat(owners(instances)).as("the in-JVM instances stand by").isEmpty();

            // a second wave, sent in small chunks; the child is killed a third of the way through
            List<TaggedItem> second = items.batch(1_000, 300, 100, 50, 50);
            AtomicInteger sent = new AtomicInteger();
            Thread feeder = new Thread(() -> {
                for (int from = 0; from < second.size(); from += 25) {
                    items.produce(clients, second.subList(from, Math.min(second.size(), from + 25)));
                    sent.set(Math.min(second.size(), from + 25));
                    sleep(25);
                }
            }, "feeder");
            feeder.start();
            awaitTrue("a third of the wave sent", () -> sent.get() >= second.size() / 3, CONVERGE);
            int shownAtKill = ClusteredItems.relevantLeads(instances.get(0).view.store());
            child.destroyForcibly(); // SIGKILL: no LeaveGroup, no abort of an open transaction
            long killed = System.nanoTime();
            child.waitFor(30, TimeUnit.SECONDS);

            awaitTrue("another instance counts", () -> owners(instances).size() == 1, CONVERGE);
            long takeOverMs = (System.nanoTime() - killed) / 1_000_000;
            feeder.join(120_000);
            TrendStore truth = items.truth();
            assertThat(ClusteredItems.relevantLeads(truth)).isEqualTo(3_000);
            awaitAllShow(instances, truth, CONVERGE);
            long exactMs = (System.nanoTime() - killed) / 1_000_000;
            System.out.printf("trend owner kill -9: %d of %d relevant leads shown at the kill; %s took over %d ms after it "
                            + "(session timeout %d s); every instance showed the true %d, none counted twice or lost, %d ms after it%n",
                    shownAtKill, 3_000, owners(instances).get(0).id, takeOverMs, KafkaClients.SESSION_TIMEOUT.toSeconds(),
                    ClusteredItems.relevantLeads(truth), exactMs);
            assertThat(takeOverMs).as("take-over after kill -9").isLessThan(KafkaClients.SESSION_TIMEOUT.plusSeconds(20).toMillis());
        } finally {
            child.destroyForcibly();
            for (Instance i : instances) i.close();
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A trend stage with instance id {@code id} in its own JVM, on this test's broker. */
    private static Process startChild(String id) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Path logs = Files.createDirectories(Path.of("target", "trend-kill"));
        ProcessBuilder pb = new ProcessBuilder(java, "-Xmx256m", "-XX:+UseSerialGC", "-cp", classPath, TrendStageChild.class.getName(),
                bus.clients().bootstrapServers(), "it", id, ClusteredItems.LAST.toString())
                .redirectErrorStream(true)
                .redirectOutput(logs.resolve("child-" + id + ".log").toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("RXRADAR_"));
        return pb.start();
    }
}
