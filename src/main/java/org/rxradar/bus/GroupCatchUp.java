package org.rxradar.bus;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;

/**
 * Whether a consumer group has processed everything written to its input topics up to a moment:
 * its committed offsets have reached the end offsets the topics had then. Read with the Admin
 * client, so it works from any thread and whichever instance's member holds the partitions; a
 * transactional stage (the tagger) commits its offsets with its output, so once they are reached
 * the output is committed too.
 */
public final class GroupCatchUp implements AutoCloseable {
    private static final int CALL_TIMEOUT_MS = 10_000;

    private final Admin admin;
    private final String group;
    private final List<String> topics;

    public GroupCatchUp(KafkaClients clients, String group, List<String> topics) {
        Map<String, Object> p = clients.common();
        p.put(AdminClientConfig.CLIENT_ID_CONFIG, "rxradar-catch-up");
        p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, CALL_TIMEOUT_MS);
        p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, CALL_TIMEOUT_MS);
        this.admin = Admin.create(p);
        this.group = group;
        this.topics = List.copyOf(topics);
    }

    /**
     * Waits until the group has committed every record written to the topics before this call.
     *
     * @return false when {@code timeout} passed first
     */
    public boolean await(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Map<TopicPartition, Long> targets = pending(endOffsets());
        while (!targets.isEmpty()) {
            if (System.nanoTime() > deadline) return false;
            Thread.sleep(200);
            Map<TopicPartition, OffsetAndMetadata> committed = get(admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata());
            targets.entrySet().removeIf(e -> {
                OffsetAndMetadata at = committed.get(e.getKey());
                return at != null && at.offset() >= e.getValue();
            });
        }
        return true;
    }

    private Map<TopicPartition, Long> endOffsets() throws InterruptedException {
        Map<TopicPartition, OffsetSpec> query = new HashMap<>();
        get(admin.describeTopics(topics).allTopicNames()).forEach((name, t) ->
                t.partitions().forEach(p -> query.put(new TopicPartition(name, p.partition()), OffsetSpec.latest())));
        Map<TopicPartition, Long> out = new HashMap<>();
        get(admin.listOffsets(query, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all()).forEach((tp, info) -> out.put(tp, info.offset()));
        return out;
    }

    /** The partitions with records to read: those whose end is past their first offset. */
    private Map<TopicPartition, Long> pending(Map<TopicPartition, Long> ends) throws InterruptedException {
        Map<TopicPartition, OffsetSpec> query = new HashMap<>();
        ends.keySet().forEach(tp -> query.put(tp, OffsetSpec.earliest()));
        Map<TopicPartition, Long> out = new HashMap<>();
        get(admin.listOffsets(query).all()).forEach((tp, info) -> {
            long end = ends.get(tp);
            if (end > info.offset()) out.put(tp, end);
        });
        return out;
    }

    private <T> T get(org.apache.kafka.common.KafkaFuture<T> future) throws InterruptedException {
        try {
            return future.get(CALL_TIMEOUT_MS * 2L, TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            Throwable c = e.getCause() != null ? e.getCause() : e;
            throw new BusException("cannot read the progress of consumer group " + group + ": " + c.getMessage(), c);
        }
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(2));
    }
}
