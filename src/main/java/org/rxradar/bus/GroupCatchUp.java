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
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;

/**
 * Whether a consumer group has processed everything written to its input topics up to a moment:
 * its committed offsets have reached the end offsets the topics had then. Read with the Admin
 * client, so it works from any thread and whichever instance's member holds the partitions; a
 * transactional stage (the tagger) commits its offsets with its output, so once they are reached
 * the output is committed too.
 *
 * <p>Input written in transactions (the fetchers' raw items) ends each transaction with a marker
 * that takes an offset but is no record: a group that has processed every record commits the
 * marker's offset, one short of the end. So a committed offset below the end counts as caught up
 * when a {@code read_committed} read from it finds no record before the end.
 */
public final class GroupCatchUp implements AutoCloseable {
    private static final int CALL_TIMEOUT_MS = 10_000;

    private final Admin admin;
    private final KafkaClients clients;
    private KafkaConsumer<String, byte[]> reader; // created when first needed; used by the awaiting thread only
    private final String group;
    private final List<String> topics;

    public GroupCatchUp(KafkaClients clients, String group, List<String> topics) {
        Map<String, Object> p = clients.common();
        p.put(AdminClientConfig.CLIENT_ID_CONFIG, "rxradar-catch-up");
        p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, CALL_TIMEOUT_MS);
        p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, CALL_TIMEOUT_MS);
        this.admin = Admin.create(p);
        this.clients = clients;
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
        if (targets.isEmpty()) return true;
        // looked at before the first pause: at the end of run --once the group has usually caught up already
        while (true) {
            Map<TopicPartition, OffsetAndMetadata> committed = get(admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata());
            targets.entrySet().removeIf(e -> {
                OffsetAndMetadata at = committed.get(e.getKey());
                return at != null && (at.offset() >= e.getValue() || noRecordBetween(e.getKey(), at.offset(), e.getValue()));
            });
            if (targets.isEmpty()) return true;
            if (System.nanoTime() > deadline) return false;
            Thread.sleep(200);
        }
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

    /** True when no committed record lies in [from, end) of the partition: only transaction markers (or aborted records). */
    private boolean noRecordBetween(TopicPartition tp, long from, long end) {
        // the broker holds a fetch with nothing new for fetch.max.wait.ms (500 ms by default), and the
        // reader's next poll waits for the fetch still out for the partition looked at before: half a
        // second per partition at the end of every run --once, for a look at one marker
        if (reader == null) reader = clients.reader("rxradar-catch-up", Map.of(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 10));
        reader.assign(List.of(tp));
        reader.seek(tp, from);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
        while (System.nanoTime() < deadline) {
            for (ConsumerRecord<String, byte[]> r : reader.poll(Duration.ofMillis(200))) {
                if (r.offset() < end) return false;
            }
            if (reader.position(tp) >= end) return true;
        }
        return false;
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
        if (reader != null) reader.close(KafkaClients.READER_CLOSE);
        admin.close(Duration.ofSeconds(2));
    }
}
