package org.rxradar.bus;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/** The offsets to commit once a polled batch is processed: one past each partition's last record. */
public final class Offsets {
    private Offsets() {}

    public static Map<TopicPartition, OffsetAndMetadata> after(ConsumerRecords<String, byte[]> records) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (TopicPartition tp : records.partitions()) {
            List<ConsumerRecord<String, byte[]>> part = records.records(tp);
            offsets.put(tp, new OffsetAndMetadata(part.get(part.size() - 1).offset() + 1));
        }
        return offsets;
    }

    /**
     * After a batch that did not complete: every assigned partition goes back to its committed
     * offset (or to its beginning when nothing was committed), so the batch is read again.
     */
    public static void rewindToCommitted(Consumer<String, byte[]> consumer) {
        Set<TopicPartition> assigned = consumer.assignment();
        if (assigned.isEmpty()) return;
        Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(assigned);
        for (TopicPartition tp : assigned) {
            OffsetAndMetadata at = committed.get(tp);
            if (at == null) consumer.seekToBeginning(List.of(tp));
            else consumer.seek(tp, at.offset());
        }
    }
}
