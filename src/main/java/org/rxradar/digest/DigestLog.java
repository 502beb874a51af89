package org.rxradar.digest;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
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
 */
public final class DigestLog implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(DigestLog.class);

    private final Map<String, DigestRecord> sent = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> itemsBySubscriber = new ConcurrentHashMap<>();
    private final KafkaProducer<String, byte[]> producer;
    private final TopicTail tail;

    public DigestLog(KafkaClients clients) {
        this.producer = clients.producer("rxradar-digests");
        this.tail = new TopicTail(clients, Topics.DIGESTS, null, this::apply).start();
        tail.awaitCaughtUp(Duration.ofSeconds(60));
    }

    private void apply(ConsumerRecord<String, byte[]> record) {
        if (record.value() == null) return;
        try {
            remember(Json.read(record.value(), DigestRecord.class));
        } catch (Exception e) {
            log.warn("Unreadable digest record {}: {}", record.key(), e.getMessage());
        }
    }

    private void remember(DigestRecord r) {
        sent.put(r.key(), r);
        itemsBySubscriber.computeIfAbsent(r.subscriber(), k -> ConcurrentHashMap.newKeySet()).addAll(r.itemIds());
    }

    public boolean wasSent(String subscriberId, LocalDate period) {
        return sent.containsKey(DigestRecord.key(subscriberId, period));
    }

    /** Ids of every item already in one of this subscriber's digests. */
    public Set<String> itemsSentTo(String subscriberId) {
        return Set.copyOf(itemsBySubscriber.getOrDefault(subscriberId, Set.of()));
    }

    /**
     * Every period recorded for this subscriber, newest first: sent, skipped and refused for good
     * ({@code delivery: failed} with the server's answer), for {@code subscribers show}.
     */
    public List<DigestRecord> history(String subscriberId) {
        return sent.values().stream()
                .filter(r -> subscriberId.equals(r.subscriber()))
                .sorted(Comparator.comparing(DigestRecord::period).reversed())
                .toList();
    }

    /** Records a sent digest durably (acknowledged by the broker) before the next one is built. */
    public void record(DigestRecord r) {
        try {
            var ack = producer.send(new ProducerRecord<>(Topics.DIGESTS, r.key(), Json.bytes(r)));
            producer.flush(); // we wait for this one record: do not let it linger for a batch
            ack.get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new BusException("cannot record digest " + r.key() + ": " + e.getMessage(), e);
        }
        remember(r);
    }

    public int size() {
        return sent.size();
    }

    @Override
    public void close() {
        tail.close();
        producer.close(Duration.ofSeconds(5));
    }
}
