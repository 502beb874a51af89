package org.rxradar.trend;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.WakeupException;
import org.rxradar.bus.BusException;
import org.rxradar.bus.CatchUp;
import org.rxradar.bus.DeadLetters;
import org.rxradar.bus.KafkaClients;
import org.rxradar.bus.Offsets;
import org.rxradar.bus.TopicTail;
import org.rxradar.bus.Topics;
import org.rxradar.model.Json;
import org.rxradar.model.TaggedItem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The trend loop: counts tagged items into the {@link TrendStore}, publishes the changed days'
 * snapshots to the compacted {@code rxradar.trends} topic, then commits the consumed offsets.
 * At start the store is restored from the snapshots; records consumed again after a crash
 * between publishing and committing are recognised by id and not counted twice.
 */
public final class TrendStage implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(TrendStage.class);
    public static final String STAGE = "trend";

    private final TrendStore store;
    private final Clock clock;
    private final KafkaConsumer<String, byte[]> consumer;
    private final KafkaProducer<String, byte[]> producer;
    private final AtomicBoolean running = new AtomicBoolean(true);

    public TrendStage(KafkaClients clients, TrendStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
        restore(clients);
        this.producer = clients.producer("rxradar-trend");
        this.consumer = clients.consumer(STAGE, "rxradar-trend-consumer");
        consumer.subscribe(List.of(Topics.ITEMS_TAGGED));
    }

    private void restore(KafkaClients clients) {
        List<TrendSnapshot> snapshots = readSnapshots(clients);
        store.restore(snapshots);
        store.retainUpTo(today());
        if (!snapshots.isEmpty()) log.info("Trends restored from {} daily snapshots", snapshots.size());
    }

    /** Every daily snapshot in {@code rxradar.trends}; unreadable ones are logged and skipped. */
    public static List<TrendSnapshot> readSnapshots(KafkaClients clients) {
        List<TrendSnapshot> snapshots = java.util.Collections.synchronizedList(new ArrayList<>());
        try (TopicTail tail = new TopicTail(clients, Topics.TRENDS, null, r -> {
            if (r.value() == null) return;
            try {
                snapshots.add(TrendSnapshot.fromJson(r.value()));
            } catch (Exception e) {
                log.warn("Unreadable trend snapshot {} skipped: {}", r.key(), e.getMessage());
            }
        }).start()) {
            tail.awaitCaughtUp(Duration.ofSeconds(60));
        }
        return List.copyOf(snapshots);
    }

    /** The stage's Kafka clients, for binding their metrics only ({@code metrics()} is thread-safe; nothing else is). */
    public org.apache.kafka.clients.consumer.Consumer<String, byte[]> kafkaConsumer() {
        return consumer;
    }

    /** See {@link #kafkaConsumer()}. */
    public org.apache.kafka.clients.producer.Producer<String, byte[]> kafkaProducer() {
        return producer;
    }

    public TrendStore store() {
        return store;
    }

    public void run() {
        try {
            while (running.get()) processBatch(Duration.ofMillis(500));
        } catch (WakeupException e) {
            if (running.get()) throw e;
        } finally {
            closeClients();
        }
    }

    /** Counts everything in the tagged topic before this call ({@code run --once}). */
    public void drain(Duration timeout) {
        CatchUp target = CatchUp.endOffsets(consumer, List.of(Topics.ITEMS_TAGGED));
        long deadline = System.nanoTime() + timeout.toNanos();
        do {
            processBatch(Duration.ofMillis(200));
            if (target.reachedBy(consumer)) return;
        } while (System.nanoTime() < deadline);
        throw new IllegalStateException("trend stage did not catch up within " + timeout);
    }

    private void processBatch(Duration pollTimeout) {
        ConsumerRecords<String, byte[]> records = consumer.poll(pollTimeout);
        if (records.isEmpty()) return;
        for (ConsumerRecord<String, byte[]> record : records) {
            try {
                store.add(Json.read(record.value(), TaggedItem.class));
            } catch (Exception e) {
                log.warn("Dead-lettered {}-{}@{}: {}", record.topic(), record.partition(), record.offset(), e.getMessage());
                producer.send(DeadLetters.of(record, STAGE, e));
            }
        }
        try {
            for (TrendSnapshot s : store.takeChanged())
                producer.send(new ProducerRecord<>(Topics.TRENDS, s.key(), s.toJson()));
            for (LocalDate dropped : store.retainUpTo(today()))
                producer.send(new ProducerRecord<>(Topics.TRENDS, dropped.toString(), null));
            producer.flush(); // snapshots stored before the offsets that they account for are committed
        } catch (RuntimeException e) {
            throw new BusException("cannot publish trend snapshots: " + e.getMessage(), e);
        }
        consumer.commitSync(Offsets.after(records));
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(ZoneOffset.UTC));
    }

    @Override
    public void close() {
        if (running.compareAndSet(true, false)) consumer.wakeup();
    }

    public void closeClients() {
        try {
            consumer.close(Duration.ofSeconds(5));
        } catch (RuntimeException e) {
            log.debug("consumer close: {}", e.toString());
        }
        producer.close(Duration.ofSeconds(5));
    }
}
