package org.rxradar.bus;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.Consumer;
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

    /** True when every partition is assigned to this consumer and its position has reached the target. */
    public boolean reachedBy(Consumer<?, ?> consumer) {
        var assigned = consumer.assignment();
        for (var entry : targets.entrySet()) {
            if (entry.getValue() == 0) continue;
            if (!assigned.contains(entry.getKey())) return false;
            if (consumer.position(entry.getKey(), Duration.ofSeconds(30)) < entry.getValue()) return false;
        }
        return true;
    }
}
