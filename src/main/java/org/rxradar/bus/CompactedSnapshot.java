package org.rxradar.bus;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

/**
 * What partitions of a compacted topic hold now: the latest value of each key (a tombstone
 * removes the key), read from the beginning up to the end offsets taken at the start (for a
 * {@code read_committed} reader, the last stable offset: what open transactions write is not
 * part of it). Used to restore what moves with a partition (a source's fetch state) when the
 * partition is assigned.
 *
 * @param values by partition, key to value, in the order keys were last written
 * @param ends   the offset each partition was read up to
 */
public record CompactedSnapshot(Map<TopicPartition, Map<String, byte[]>> values, Map<TopicPartition, Long> ends) {

    /** Reads {@code partitions} with {@code reader} (a consumer outside any group, whose assignment this replaces). */
    public static CompactedSnapshot read(Consumer<String, byte[]> reader, Collection<TopicPartition> partitions, Duration timeout) {
        Map<TopicPartition, Map<String, byte[]>> values = new HashMap<>();
        for (TopicPartition tp : partitions) values.put(tp, new LinkedHashMap<>());
        if (partitions.isEmpty()) return new CompactedSnapshot(values, Map.of());
        List<TopicPartition> parts = List.copyOf(partitions);
        reader.assign(parts);
        reader.seekToBeginning(parts);
        Map<TopicPartition, Long> ends = reader.endOffsets(parts, timeout);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!reached(reader, ends)) {
            if (System.nanoTime() > deadline)
                throw new BusException("could not read " + parts + " to their end (" + ends + ") within " + timeout);
            for (ConsumerRecord<String, byte[]> r : reader.poll(Duration.ofMillis(200))) {
                if (r.key() == null) continue;
                Map<String, byte[]> m = values.get(new TopicPartition(r.topic(), r.partition()));
                if (m == null) continue;
                m.remove(r.key()); // re-inserted last: the order keys were last written
                if (r.value() != null) m.put(r.key(), r.value());
            }
        }
        reader.unsubscribe();
        return new CompactedSnapshot(values, Map.copyOf(ends));
    }

    private static boolean reached(Consumer<String, byte[]> reader, Map<TopicPartition, Long> ends) {
        for (Map.Entry<TopicPartition, Long> e : ends.entrySet()) {
            if (e.getValue() > 0 && reader.position(e.getKey()) < e.getValue()) return false;
        }
        return true;
    }
}
