package org.rxradar.bus;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.apache.kafka.clients.consumer.ConsumerPartitionAssignor.Assignment;
import org.apache.kafka.clients.consumer.ConsumerPartitionAssignor.GroupAssignment;
import org.apache.kafka.clients.consumer.ConsumerPartitionAssignor.GroupSubscription;
import org.apache.kafka.clients.consumer.ConsumerPartitionAssignor.RebalanceProtocol;
import org.apache.kafka.clients.consumer.ConsumerPartitionAssignor.Subscription;
import org.apache.kafka.common.Cluster;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class SingleOwnerAssignorTest {
    private static final String TOPIC = "rxradar.items.tagged";
    private static final Node NODE = new Node(1, "broker.example", 1);
    private static final Cluster CLUSTER = new Cluster("c", List.of(NODE), List.of(part(0), part(1), part(2)), Set.of(), Set.of());

    private static PartitionInfo part(int p) {
        return new PartitionInfo(TOPIC, p, NODE, new Node[] {NODE}, new Node[] {NODE});
    }

    private static Subscription member(String instanceId, ByteBuffer userData) {
        Subscription s = new Subscription(List.of(TOPIC), userData);
        s.setGroupInstanceId(Optional.ofNullable(instanceId));
        return s;
    }

    private static ByteBuffer ownedIn(int generation) {
        return ByteBuffer.allocate(4).putInt(0, generation);
    }

    private static GroupAssignment assign(Map<String, Subscription> members) {
        return new SingleOwnerAssignor().assign(CLUSTER, new GroupSubscription(members));
    }

    @Test
    void everyPartitionGoesToTheSmallestInstanceIdWhenNobodyOwnedThem() {
        Map<String, Subscription> members = new LinkedHashMap<>();
        members.put("m-3", member("c.trend", ownedIn(-1)));
        members.put("m-1", member("b.trend", null));
        members.put("m-2", member("a.trend", ownedIn(-1)));

        Map<String, Assignment> out = assign(members).groupAssignment();

        assertThat(out).containsOnlyKeys("m-1", "m-2", "m-3");
        assertThat(out.get("m-2").partitions())
                .containsExactly(new TopicPartition(TOPIC, 0), new TopicPartition(TOPIC, 1), new TopicPartition(TOPIC, 2));
        assertThat(out.get("m-1").partitions()).isEmpty();
        assertThat(out.get("m-3").partitions()).isEmpty();
    }

    @Test
    void theMostRecentOwnerKeepsThemWhenAnotherMemberJoins() {
        Map<String, Subscription> members = new LinkedHashMap<>();
        members.put("m-a", member("a.trend", ownedIn(4)));  // owned before, then paused and was replaced
        members.put("m-b", member("b.trend", ownedIn(7)));  // owns them now
        members.put("m-0", member("0.trend", ownedIn(-1))); // new, smallest id

        Map<String, Assignment> out = assign(members).groupAssignment();

        assertThat(out.get("m-b").partitions()).hasSize(3);
        assertThat(out.get("m-a").partitions()).isEmpty();
        assertThat(out.get("m-0").partitions()).isEmpty();
    }

    @Test
    void dynamicMembersAreOrderedByMemberId() {
        Map<String, Subscription> members = new LinkedHashMap<>();
        members.put("consumer-2-xyz", member(null, null));
        members.put("consumer-1-abc", member(null, null));

        assertThat(assign(members).groupAssignment().get("consumer-1-abc").partitions()).hasSize(3);
    }

    @Test
    void aMemberSaysInItsSubscriptionWhenItLastOwnedThePartitions() {
        SingleOwnerAssignor assignor = new SingleOwnerAssignor();
        assertThat(assignor.subscriptionUserData(Set.of(TOPIC)).getInt(0)).isEqualTo(-1);

        assignor.onAssignment(new Assignment(List.of(new TopicPartition(TOPIC, 0))), new ConsumerGroupMetadata("g", 5, "m", Optional.empty()));
        assertThat(assignor.subscriptionUserData(Set.of(TOPIC)).getInt(0)).isEqualTo(5);

        // an empty assignment keeps the last generation it owned in
        assignor.onAssignment(new Assignment(List.of()), new ConsumerGroupMetadata("g", 6, "m", Optional.empty()));
        assertThat(assignor.subscriptionUserData(Set.of(TOPIC)).getInt(0)).isEqualTo(5);
        assertThat(assignor.supportedProtocols()).containsExactly(RebalanceProtocol.EAGER);
    }
}
