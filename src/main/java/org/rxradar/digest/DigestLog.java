package org.rxradar.digest;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.utils.Utils;
import org.rxradar.bus.BusException;
import org.rxradar.bus.KafkaClients;
import org.rxradar.bus.TopicTail;
import org.rxradar.bus.Topics;
import org.rxradar.model.DigestRecord;
import org.rxradar.model.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What has been sent, from the compacted {@code rxradar.digests} topic: one record per subscriber
 * and period. Read whole at start, so that a restart neither sends a period's digest twice nor
 * puts an item in two of a subscriber's digests.
 *
 * <p>A period's key holds first the intent ({@link DigestRecord#SENDING}), written just before the
 * mail is handed to the server, then the result. Intents found with no result when the log is
 * first read are those a crash interrupted: {@link #interruptedAtStart()}. A tombstone withdraws an
 * intent whose send failed for now, so that the period is tried again.
 *
 * <p>Co-partitioned with {@code rxradar.subscriptions}: every record of a subscriber is written to
 * the partition its subscriber id has there ({@link #partitionOf(String, int)}, the default
 * partitioner's hash of the id), under the key {@code subscriber/period}, so the instance that owns
 * a subscriber's partition of the subscriptions owns the same partition here. Records written
 * before (the key's own hash chose the partition) are still read; for one key, a record in the
 * subscriber's partition replaces one elsewhere.
 */
public final class DigestLog implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(DigestLog.class);

    /**
     * A key's latest record (null: withdrawn) and its offset. Our own writes are applied at once and
     * again when the tail reads them back; the offset keeps a late read of an older record from
     * undoing a newer one (an intent read back after its result).
     */
    private record Entry(DigestRecord record, int partition, long offset) {}

    /** Writes one record and returns where it went, once Kafka has acknowledged it. */
    @FunctionalInterface
    public interface Writer {
        RecordMetadata write(ProducerRecord<String, byte[]> record);
    }

    private final Map<String, Entry> sent = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> itemsBySubscriber = new ConcurrentHashMap<>();
    private final KafkaProducer<String, byte[]> producer;
    private final TopicTail tail;
    private final List<DigestRecord> interruptedAtStart;
    private final int partitions;

    public DigestLog(KafkaClients clients) {
        this.producer = clients.producer("rxradar-digests");
        this.partitions = producer.partitionsFor(Topics.DIGESTS).size();
        this.tail = new TopicTail(clients, Topics.DIGESTS, null, this::apply).start();
        tail.awaitCaughtUp(Duration.ofSeconds(60));
        this.interruptedAtStart = records().filter(DigestRecord::isIntent).toList();
    }

    private void apply(ConsumerRecord<String, byte[]> record) {
        if (record.key() == null) return;
        if (record.value() == null) {
            remember(record.key(), null, record.partition(), record.offset());
            return;
        }
        try {
            DigestRecord r = Json.read(record.value(), DigestRecord.class);
            remember(r.key(), r, record.partition(), record.offset());
        } catch (Exception e) {
            log.warn("Unreadable digest record {}: {}", record.key(), e.getMessage());
        }
    }

    private void remember(String key, DigestRecord r, int partition, long offset) {
        Entry now = sent.compute(key, (k, old) -> old == null || replaces(key, partition, offset, old) ? new Entry(r, partition, offset) : old);
        if (now.offset() != offset || now.partition() != partition || r == null || !r.itemsDelivered()) return;
        itemsBySubscriber.computeIfAbsent(r.subscriber(), k -> ConcurrentHashMap.newKeySet()).addAll(r.itemIds());
    }

    /**
     * In one partition the later offset wins. A key found in two partitions was first written where its
     * own hash put it (before co-partitioning), then in its subscriber's partition: that one wins.
     */
    private boolean replaces(String key, int partition, long offset, Entry old) {
        if (partition == old.partition()) return offset >= old.offset();
        int slash = key.lastIndexOf('/');
        return slash > 0 && partition == partitionOf(key.substring(0, slash));
    }

    /** The partition of {@code rxradar.digests} (and of {@code rxradar.subscriptions}) that holds this subscriber. */
    public int partitionOf(String subscriberId) {
        return partitionOf(subscriberId, partitions);
    }

    /**
     * Where Kafka's default partitioner puts a record keyed by this subscriber id in a topic of
     * {@code partitions} partitions: the subscriber's partition of {@code rxradar.subscriptions}.
     */
    public static int partitionOf(String subscriberId, int partitions) {
        return Utils.toPositive(Utils.murmur2(subscriberId.getBytes(StandardCharsets.UTF_8))) % partitions;
    }

    /** Partitions of {@code rxradar.digests}. */
    public int partitions() {
        return partitions;
    }

    private java.util.stream.Stream<DigestRecord> records() {
        return sent.values().stream().map(Entry::record).filter(java.util.Objects::nonNull);
    }

    /** Whether this period is done: sent, skipped, failed, in doubt, or being sent right now. */
    public boolean wasSent(String subscriberId, LocalDate period) {
        return find(subscriberId, period).isPresent();
    }

    /** The period's record: its result, or its intent while (or if a crash left it) being sent. */
    public Optional<DigestRecord> find(String subscriberId, LocalDate period) {
        Entry e = sent.get(DigestRecord.key(subscriberId, period));
        return e == null ? Optional.empty() : Optional.ofNullable(e.record());
    }

    /** Ids of every item already in one of this subscriber's digests (not counting a digest in doubt). */
    public Set<String> itemsSentTo(String subscriberId) {
        return Set.copyOf(itemsBySubscriber.getOrDefault(subscriberId, Set.of()));
    }

    /** Intents that had no result when the log was read at start: sends a crash interrupted. */
    public List<DigestRecord> interruptedAtStart() {
        return interruptedAtStart;
    }

    /** Intents with no result now: sends in progress, or interrupted. */
    public List<DigestRecord> intents() {
        return records().filter(DigestRecord::isIntent).toList();
    }

    /**
     * Waits until the view holds every record written so far, including those of transactions still
     * open now once they end (an intent another instance was recording when its subscribers moved here).
     */
    public void awaitSettled(Duration timeout) {
        tail.awaitSettled(timeout);
    }

    /**
     * Every period recorded for this subscriber, newest first: sent, skipped and refused for good
     * ({@code delivery: failed} with the server's answer), for {@code subscribers show}.
     */
    public List<DigestRecord> history(String subscriberId) {
        return records()
                .filter(r -> subscriberId.equals(r.subscriber()))
                .sorted(Comparator.comparing(DigestRecord::period).reversed())
                .toList();
    }

    /**
     * Records a digest (an intent or a result) durably, acknowledged by the broker, before the
     * caller goes on: before the mail leaves for an intent, before the next digest for a result.
     */
    public void record(DigestRecord r) {
        record(r, this::write);
    }

    /**
     * Records a digest through {@code writer} (the deliver group's fenced transactional write of an
     * intent), then remembers it as {@link #record(DigestRecord)} does.
     */
    public void record(DigestRecord r, Writer writer) {
        RecordMetadata at = writer.write(new ProducerRecord<>(Topics.DIGESTS, partitionOf(r.subscriber()), r.key(), Json.bytes(r)));
        remember(r.key(), r, at.partition(), at.offset());
    }

    /** Withdraws an intent whose send failed for now (nothing left): the period is tried again. */
    public void withdraw(String subscriberId, LocalDate period) {
        String key = DigestRecord.key(subscriberId, period);
        RecordMetadata at = write(new ProducerRecord<>(Topics.DIGESTS, partitionOf(subscriberId), key, null));
        remember(key, null, at.partition(), at.offset());
    }

    private RecordMetadata write(ProducerRecord<String, byte[]> record) {
        try {
            var ack = producer.send(record);
            producer.flush(); // we wait for this one record: do not let it linger for a batch
            return ack.get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new BusException("cannot record digest " + record.key() + ": " + e.getMessage(), e);
        }
    }

    public int size() {
        return (int) records().count();
    }

    @Override
    public void close() {
        tail.close();
        producer.close(Duration.ofSeconds(5));
    }
}
