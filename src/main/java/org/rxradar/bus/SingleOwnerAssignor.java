package org.rxradar.bus;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.apache.kafka.clients.consumer.ConsumerPartitionAssignor;
import org.apache.kafka.common.Cluster;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;

/**
 * A partition assignor (classic group protocol) that gives <em>every</em> partition of the
 * subscribed topics to one member of the group and none to the others: for a stage whose state
 * cannot be split by partition (the trends: one near-duplicate cluster spans partitions), so
 * exactly one instance does the work and the others stand by. Kafka still does the coordination:
 * a member that dies or leaves is dropped by the group coordinator, the group rebalances, and this
 * assignor gives everything to one of the members left. Offsets are committed as usual.
 *
 * <p><b>Who owns.</b> The member that owned the partitions most recently keeps them (each member
 * says in its subscription the generation in which it last owned them), so a member joining does
 * not take the work away from the one doing it; among members that never owned (the owner is gone),
 * the smallest {@code group.instance.id} (the instance id; the member id for a dynamic member)
 * wins, so the choice is the same whichever member computes it.
 *
 * <p>Eager protocol only: all partitions move together, so the old owner gives them all up before
 * the new one gets them (the cooperative protocol would only add a second rebalance here). Set it on
 * the stage's own consumer ({@code partition.assignment.strategy}); every member of that group must
 * use it. It composes with static membership: a static member restarting within the session
 * timeout gets its previous assignment back without a rebalance.
 */
public final class SingleOwnerAssignor implements ConsumerPartitionAssignor {
    public static final String NAME = "rxradar-single-owner";
    private static final int NEVER = -1;

    /** The generation in which this member last received the partitions; read and written on the consumer's thread. */
    private volatile int ownedInGeneration = NEVER;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<RebalanceProtocol> supportedProtocols() {
        return List.of(RebalanceProtocol.EAGER);
    }

    @Override
    public ByteBuffer subscriptionUserData(Set<String> topics) {
        return ByteBuffer.allocate(Integer.BYTES).putInt(0, ownedInGeneration);
    }

    @Override
    public void onAssignment(Assignment assignment, ConsumerGroupMetadata metadata) {
        if (!assignment.partitions().isEmpty()) ownedInGeneration = metadata.generationId();
    }

    @Override
    public GroupAssignment assign(Cluster metadata, GroupSubscription groupSubscription) {
        Map<String, Subscription> members = groupSubscription.groupSubscription();
        Set<String> topics = new TreeSet<>();
        members.values().forEach(s -> topics.addAll(s.topics()));
        List<TopicPartition> all = new ArrayList<>();
        for (String topic : topics) {
            List<PartitionInfo> parts = metadata.partitionsForTopic(topic);
            if (parts == null) continue;
            parts.stream().map(p -> new TopicPartition(p.topic(), p.partition()))
                    .sorted(Comparator.comparingInt(TopicPartition::partition)).forEach(all::add);
        }
        String owner = owner(members);
        Map<String, Assignment> out = new HashMap<>();
        for (String member : members.keySet()) out.put(member, new Assignment(member.equals(owner) ? all : List.of()));
        return new GroupAssignment(out);
    }

    /** The member id of the member that gets every partition; see the class comment. */
    static String owner(Map<String, Subscription> members) {
        Comparator<Map.Entry<String, Subscription>> mostRecentOwner =
                Comparator.comparingInt((Map.Entry<String, Subscription> e) -> ownedIn(e.getValue())).reversed();
        Comparator<Map.Entry<String, Subscription>> smallestId =
                Comparator.comparing(e -> e.getValue().groupInstanceId().orElse(e.getKey()));
        return members.entrySet().stream().min(mostRecentOwner.thenComparing(smallestId)).map(Map.Entry::getKey).orElse(null);
    }

    private static int ownedIn(Subscription s) {
        ByteBuffer data = s.userData();
        return data == null || data.remaining() < Integer.BYTES ? NEVER : data.getInt(data.position());
    }
}
