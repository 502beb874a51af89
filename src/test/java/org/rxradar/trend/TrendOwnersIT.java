package org.rxradar.trend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rxradar.trend.TrendInstances.awaitAllShow;
import static org.rxradar.trend.TrendInstances.awaitTrue;
import static org.rxradar.trend.TrendInstances.oneOwner;
import static org.rxradar.trend.TrendInstances.owners;
import static org.rxradar.trend.TrendInstances.stableGroup;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
 * Three instances' trend stages (distinct instance ids) on one real broker, over a tagged topic of
 * three partitions holding 2,000 relevant leads, some of them posted on several boards whose
 * copies sit in other partitions than the first: one instance counts, and every instance's
 * {@link TrendView} (what {@code /trends} and the weekly digest read) shows the counts one stage
 * over everything gives. Then the owner stops, more items come, another instance takes the
 * counting over, and the counts stay exact (nothing counted twice, nothing lost); and the stopped
 * instance comes back without taking the counting away.
 *
 * <p>Before: each instance counted its own partitions into one key per day, and each reported a
 * different, wrong count (the issue saw 1,023 / 1,288 / 1,662 of 2,000).
 */
class TrendOwnersIT {
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
    void everyInstanceShowsTheTrueCountsAndATakeOverKeepsThemExact() throws Exception {
        KafkaClients clients = bus.clients();
        ClusteredItems items = new ClusteredItems(PARTITIONS, 12L);
        List<Instance> instances = new ArrayList<>();
        try (Admin admin = Admin.create(clients.common())) {
            for (String id : List.of("c", "a", "b")) instances.add(new Instance(clients, id));
            awaitTrue("one owner among 3 members", () -> oneOwner(admin, clients, 3, PARTITIONS) && owners(instances).size() == 1, CONVERGE);

            // 2,000 leads, 400 copies of them on other boards (other partitions), 150 news, 200 irrelevant leads
            List<TaggedItem> first = items.batch(2_000, 400, 0, 150, 200);
            items.produce(clients, first);
            TrendStore truth = items.truth();
            assertThat(ClusteredItems.relevantLeads(truth)).isEqualTo(2_000);
            awaitAllShow(instances, truth, CONVERGE);

            Instance owner = owners(instances).get(0);
            assertThat(owner.clients.ownership().partitions(TrendStage.STAGE)).hasSize(PARTITIONS);
            assertThat(stableGroup(admin, clients)).as("the group coordinator's view").containsEntry(owner.id + "." + TrendStage.STAGE, PARTITIONS);
            for (Instance i : instances) {
                if (i != owner) assertThat(i.clients.ownership().partitions(TrendStage.STAGE)).as("partitions of %s", i.id).isEmpty();
            }
            assertThat(ClusteredItems.relevantLeads(owner.stage.store())).as("the owner's own count").isEqualTo(2_000);
            System.out.printf("trend owners: %s counted %d relevant leads of %d records; every instance shows %d%n", owner.id,
                    ClusteredItems.relevantLeads(owner.stage.store()), first.size(), ClusteredItems.relevantLeads(truth));

            // the owner stops; more items come, with copies of old clusters and updates of old ids
            long stop = System.nanoTime();
            owner.stopStage();
            items.produce(clients, items.batch(500, 150, 100, 50, 50));
            awaitTrue("another owner", () -> owners(instances).size() == 1 && owners(instances).get(0) != owner, CONVERGE);
            long takeOverMs = (System.nanoTime() - stop) / 1_000_000;
            TrendStore truthAfter = items.truth();
            assertThat(ClusteredItems.relevantLeads(truthAfter)).isEqualTo(2_500);
            awaitAllShow(instances, truthAfter, CONVERGE);
            Instance next = owners(instances).get(0);
            System.out.printf("trend owners: %s stopped, %s took over in %d ms; every instance shows %d relevant leads%n",
                    owner.id, next.id, takeOverMs, ClusteredItems.relevantLeads(truthAfter));

            // the stopped instance (the smallest id) comes back: the instance counting now keeps counting
            instances.remove(owner);
            owner.close();
            instances.add(new Instance(clients, owner.id));
            awaitTrue("3 members again", () -> oneOwner(admin, clients, 3, PARTITIONS), CONVERGE);
            assertThat(stableGroup(admin, clients)).containsEntry(next.id + "." + TrendStage.STAGE, PARTITIONS);
            assertThat(owners(instances)).containsExactly(next);
            items.produce(clients, items.batch(100, 30, 30, 10, 10));
            TrendStore truthLast = items.truth();
            assertThat(ClusteredItems.relevantLeads(truthLast)).isEqualTo(2_600);
            awaitAllShow(instances, truthLast, CONVERGE);
            assertThat(owners(instances)).containsExactly(next);
        } finally {
            for (Instance i : instances) i.close();
        }
    }
}
