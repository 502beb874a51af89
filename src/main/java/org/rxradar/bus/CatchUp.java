package org.rxradar.bus;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * The end offsets of a set of topics at one moment, and whether a consumer has read up to them.
 * {@code run --once} uses it to know that a stage has processed everything written before it.
 */
public final class CatchUp {
    private final Map<TopicPartition, Long> targets;

    private CatchUp(Map<TopicPartition, Long> targets) {
        this.targets = Map.copyOf(targets);
    }

    public static CatchUp endOffsets(Consumer<?, ?> consumer, List<String> topics) {
        Map<TopicPartition, Long> targets = new HashMap<>();
        for (String topic : topics) {
            for (TopicPartition tp : Partitions.of(consumer, topic, Duration.ofSeconds(30))) targets.put(tp, null);
        }
        targets.putAll(consumer.endOffsets(targets.keySet(), Duration.ofSeconds(30)));
        return new CatchUp(targets);
    }

    /**
     * True when everything up to the targets is processed by the consumer's group: this consumer's
     * position for the partitions it holds, the group's committed offsets for the others (another
     * instance holds them; a stage commits only what it processed).
     */
    public boolean reachedBy(Consumer<?, ?> consumer) {
        var assigned = consumer.assignment();
        Set<TopicPartition> elsewhere = new HashSet<>();
        for (var entry : targets.entrySet()) {
            if (entry.getValue() == 0) continue;
            if (!assigned.contains(entry.getKey())) elsewhere.add(entry.getKey());
            else if (consumer.position(entry.getKey(), Duration.ofSeconds(30)) < entry.getValue()) return false;
        }
        if (elsewhere.isEmpty()) return true;
        Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(elsewhere, Duration.ofSeconds(30));
        for (TopicPartition tp : elsewhere) {
            OffsetAndMetadata at = committed.get(tp);
            if (at == null || at.offset() < targets.get(tp)) return false;
        }
        return true;
    }
}
