package org.rxradar.bus;

import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;

/** A topic's partitions as a consumer sees them, once its metadata knows the topic. */
public final class Partitions {
    private Partitions() {}

    /**
     * Right after a topic is created a client's metadata may not know it yet and answers an empty
     * list; reading "every partition" of that would read nothing and count as caught up at once.
     * So the question is asked again until the partitions are known, or {@code timeout} passes.
     */
    public static List<TopicPartition> of(Consumer<?, ?> consumer, String topic, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            List<PartitionInfo> infos = consumer.partitionsFor(topic, timeout);
            if (infos != null && !infos.isEmpty()) {
                return infos.stream().map(p -> new TopicPartition(topic, p.partition())).toList();
            }
            if (System.nanoTime() > deadline) throw new BusException("topic " + topic + " has no partitions (does it exist?)");
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new BusException("interrupted while looking up " + topic, e);
            }
        }
    }
}
