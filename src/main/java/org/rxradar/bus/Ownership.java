package org.rxradar.bus;

import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.common.TopicPartition;

/**
 * What this instance owns, stage by stage, for {@code /health}: the partitions its group consumers
 * hold, and counts of what those partitions carry (the sources a fetcher polls, the subscribers a
 * deliverer serves). Stages update it from their rebalance listeners ({@link #listener}); nothing
 * here decides ownership, Kafka's group assignment does. Thread-safe.
 *
 * <p>One per {@link KafkaClients} (so one per process, or per in-JVM "instance" in tests):
 * {@code clients.ownership()}.
 */
public final class Ownership {
    private static final Comparator<TopicPartition> ORDER =
            Comparator.comparing(TopicPartition::topic).thenComparingInt(TopicPartition::partition);

    private final String instanceId;
    private final Map<String, SortedSet<TopicPartition>> partitions = new TreeMap<>();
    private final Map<String, Map<String, Integer>> counts = new TreeMap<>();

    public Ownership(String instanceId) {
        this.instanceId = instanceId;
    }

    /** This instance's id ({@code instance.id}); null when the clients were built without one (tools, some tests). */
    public String instanceId() {
        return instanceId;
    }

    /** The stage now holds exactly these partitions (an empty collection: none). */
    public synchronized void update(String stage, Collection<TopicPartition> now) {
        Objects.requireNonNull(stage, "stage");
        SortedSet<TopicPartition> set = new TreeSet<>(ORDER);
        set.addAll(now);
        partitions.put(stage, set);
    }

    /** Partitions added to the stage's assignment (a cooperative rebalance names only the new ones). */
    public synchronized void assigned(String stage, Collection<TopicPartition> added) {
        partitions.computeIfAbsent(stage, s -> new TreeSet<>(ORDER)).addAll(added);
    }

    /** Partitions taken from the stage (revoked in a rebalance, or lost). */
    public synchronized void revoked(String stage, Collection<TopicPartition> removed) {
        SortedSet<TopicPartition> set = partitions.get(stage);
        if (set != null) set.removeAll(removed);
    }

    /** How many of {@code what} ("sources", "subscribers") the stage owns now, through its partitions. */
    public synchronized void count(String stage, String what, int n) {
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(what, "what");
        counts.computeIfAbsent(stage, s -> new TreeMap<>()).put(what, n);
    }

    /** The stage stopped: it owns nothing any more. */
    public synchronized void clear(String stage) {
        partitions.remove(stage);
        counts.remove(stage);
    }

    /** The partitions the stage holds now, in topic and partition order. */
    public synchronized List<TopicPartition> partitions(String stage) {
        SortedSet<TopicPartition> set = partitions.get(stage);
        return set == null ? List.of() : List.copyOf(set);
    }

    /** A count set with {@link #count}, or -1 when never set. */
    public synchronized int count(String stage, String what) {
        Map<String, Integer> c = counts.get(stage);
        return c == null ? -1 : c.getOrDefault(what, -1);
    }

    /**
     * A rebalance listener that keeps this registry up to date for {@code stage}, then calls
     * {@code then} (the stage's own listener, which starts and stops its work; may be null). Pass it
     * to {@code consumer.subscribe(topics, listener)}.
     */
    public ConsumerRebalanceListener listener(String stage, ConsumerRebalanceListener then) {
        return new ConsumerRebalanceListener() {
            @Override
            public void onPartitionsRevoked(Collection<TopicPartition> removed) {
                try {
                    if (then != null) then.onPartitionsRevoked(removed);
                } finally {
                    revoked(stage, removed);
                }
            }

            @Override
            public void onPartitionsAssigned(Collection<TopicPartition> added) {
                assigned(stage, added);
                if (then != null) then.onPartitionsAssigned(added);
            }

            @Override
            public void onPartitionsLost(Collection<TopicPartition> lost) {
                try {
                    if (then != null) then.onPartitionsLost(lost);
                } finally {
                    revoked(stage, lost);
                }
            }
        };
    }

    /** See {@link #listener(String, ConsumerRebalanceListener)}, for a stage with no work of its own to start or stop. */
    public ConsumerRebalanceListener listener(String stage) {
        return listener(stage, null);
    }

    /**
     * For {@code /health}: {@code {"id": "a", "stages": {"tagger": {"partitions": ["rxradar.leads.raw-0", …]},
     * "fetch": {"partitions": […], "sources": 12}}}}.
     */
    public synchronized Map<String, Object> snapshot() {
        Map<String, Object> stages = new TreeMap<>();
        for (String stage : unionOfStages()) {
            Map<String, Object> s = new LinkedHashMap<>();
            SortedSet<TopicPartition> set = partitions.get(stage);
            s.put("partitions", set == null ? List.of() : set.stream().map(TopicPartition::toString).toList());
            Map<String, Integer> c = counts.get(stage);
            if (c != null) s.putAll(c);
            stages.put(stage, s);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", instanceId);
        out.put("stages", stages);
        return out;
    }

    private SortedSet<String> unionOfStages() {
        SortedSet<String> all = new TreeSet<>(partitions.keySet());
        all.addAll(counts.keySet());
        return all;
    }
}
