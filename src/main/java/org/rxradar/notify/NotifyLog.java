package org.rxradar.notify;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.rxradar.bus.BusException;
import org.rxradar.bus.KafkaClients;
import org.rxradar.bus.TopicTail;
import org.rxradar.bus.Topics;
import org.rxradar.model.ItemIds;
import org.rxradar.model.Json;
import org.rxradar.model.NotifyTarget;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Alert results per subscriber and target, from the compacted {@code rxradar.notify} topic, read
 * whole at start: {@code subscribers show} lists them, and the new-leads alerts take from them when
 * each target last heard from us and which leads it already had.
 */
public final class NotifyLog implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(NotifyLog.class);

    private final Map<String, NotifyRecord> latest = new ConcurrentHashMap<>();
    private final KafkaProducer<String, byte[]> producer;
    private final TopicTail tail;

    public NotifyLog(KafkaClients clients) {
        this.producer = clients.producer("rxradar-notify");
        this.tail = new TopicTail(clients, Topics.NOTIFY, null, this::apply).start();
        tail.awaitCaughtUp(Duration.ofSeconds(60));
    }

    /** A short stable id of a target's URL (the URL itself is not written again). */
    public static String targetId(NotifyTarget t) {
        return t.key() + "-" + ItemIds.sha256(t.uri().toString()).substring(0, 12);
    }

    private static String key(String subscriberId, String targetId) {
        return subscriberId + "/" + targetId;
    }

    private void apply(ConsumerRecord<String, byte[]> record) {
        if (record.key() == null) return;
        if (record.value() == null) {
            latest.remove(record.key());
            return;
        }
        try {
            NotifyRecord r = Json.read(record.value(), NotifyRecord.class);
            // our own write was applied at once; an older one read back later must not undo a newer one
            latest.merge(record.key(), r, (old, now) -> now.at().isBefore(old.at()) ? old : now);
        } catch (Exception e) {
            log.warn("Unreadable notify record {}: {}", record.key(), e.getMessage());
        }
    }

    public void record(NotifyRecord r) {
        String key = key(r.subscriberId(), r.targetId());
        latest.merge(key, r, (old, now) -> now.at().isBefore(old.at()) ? old : now);
        try {
            var ack = producer.send(new ProducerRecord<>(Topics.NOTIFY, key, Json.bytes(r)));
            producer.flush();
            ack.get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new BusException("cannot record the alert to " + key + ": " + e.getMessage(), e);
        }
    }

    public Optional<NotifyRecord> latest(String subscriberId, String targetId) {
        return Optional.ofNullable(latest.get(key(subscriberId, targetId)));
    }

    /** The subscriber's targets' latest results, newest first. */
    public List<NotifyRecord> of(String subscriberId) {
        String prefix = subscriberId + "/";
        return latest.entrySet().stream().filter(e -> e.getKey().startsWith(prefix)).map(Map.Entry::getValue)
                .sorted(Comparator.comparing(NotifyRecord::at).reversed()).toList();
    }

    /** Waits until the view holds every record written so far (tests, the CLI). */
    public void awaitCaughtUp() {
        tail.awaitCaughtUp(Duration.ofSeconds(30));
    }

    @Override
    public void close() {
        tail.close();
        producer.close(Duration.ofSeconds(5));
    }

}
