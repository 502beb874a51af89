package org.rxradar.trend;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.rxradar.bus.DeadLetters;
import org.rxradar.bus.KafkaClients;
import org.rxradar.bus.Offsets;
import org.rxradar.bus.PollLoop;
import org.rxradar.bus.StageHealth;
import org.rxradar.bus.TopicTail;
import org.rxradar.bus.Topics;
import org.rxradar.model.Json;
import org.rxradar.model.TaggedItem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The trend loop: counts tagged items into the {@link TrendStore}, publishes the changed days'
 * snapshots to the compacted {@code rxradar.trends} topic and, once Kafka has acknowledged each of
 * them, commits the consumed offsets. Failures are handled by kind in the {@link PollLoop} shared
 * with the tag stage.
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
    private final int maxRecordBytes;
    private final StageHealth health = new StageHealth(STAGE);
    private final PollLoop loop;
    /** Days dropped from the store whose tombstones are not acknowledged yet. */
    private final Set<LocalDate> tombstones = new TreeSet<>();

    public TrendStage(KafkaClients clients, TrendStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
        restore(clients);
        this.producer = clients.producer("rxradar-trend");
        this.consumer = clients.consumer(STAGE, "rxradar-trend-consumer");
        this.maxRecordBytes = clients.maxRequestSize();
        this.loop = new PollLoop(STAGE, consumer, this::processBatch, health);
        consumer.subscribe(List.of(Topics.ITEMS_TAGGED), clients.ownership().listener(STAGE));
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

    /** Processes until {@link #close()} is called from another thread, or a fatal error (see {@link PollLoop}). */
    public void run() {
        try {
            loop.run(Duration.ofMillis(500));
        } finally {
            closeClients();
        }
    }

    /** Counts everything in the tagged topic before this call ({@code run --once}). */
    public void drain(Duration timeout) {
        loop.drain(List.of(Topics.ITEMS_TAGGED), timeout);
    }

    /** Failed batches in a row, the last error, and whether the loop stopped: for {@code /health}. */
    public StageHealth health() {
        return health;
    }

    /**
     * Counts a batch, publishes the changed days' snapshots (and tombstones, and dead letters), waits
     * until Kafka has acknowledged every one of them, and only then commits the offsets. A send that
     * failed leaves the offsets uncommitted: the days are marked changed again and the batch is read
     * again (its items are recognised by id, so nothing is counted twice), and after a crash the
     * records are counted from the topic.
     */
    private void processBatch(ConsumerRecords<String, byte[]> records) {
        List<Future<RecordMetadata>> sent = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            try {
                store.add(Json.read(record.value(), TaggedItem.class));
            } catch (Exception e) {
                log.warn("Dead-lettered {}-{}@{}: {}", record.topic(), record.partition(), record.offset(), StageHealth.oneLine(e));
                sent.add(producer.send(DeadLetters.fitting(DeadLetters.of(record, STAGE, e), maxRecordBytes)));
            }
        }
        List<TrendSnapshot> snapshots = store.takeChanged();
        tombstones.addAll(store.retainUpTo(today()));
        try {
            for (TrendSnapshot s : snapshots) sent.add(producer.send(new ProducerRecord<>(Topics.TRENDS, s.key(), s.toJson())));
            for (LocalDate dropped : tombstones) sent.add(producer.send(new ProducerRecord<>(Topics.TRENDS, dropped.toString(), null)));
            producer.flush(); // flush() reports nothing: each send's own result is checked below
            for (Future<RecordMetadata> f : sent) f.get();
        } catch (ExecutionException | KafkaException | InterruptedException e) {
            if (e instanceof InterruptedException) Thread.currentThread().interrupt();
            store.markChanged(snapshots.stream().map(TrendSnapshot::day).toList()); // published with the next batch that succeeds
            Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
            throw new KafkaException("trend snapshots not stored, offsets left uncommitted: " + StageHealth.oneLine(cause), cause);
        }
        tombstones.clear();
        consumer.commitSync(Offsets.after(records));
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(ZoneOffset.UTC));
    }

    @Override
    public void close() {
        loop.stop();
    }

    public void closeClients() {
        KafkaClients.closeLeavingGroup(consumer, Duration.ofSeconds(5)); // its partitions move to the other instances now
        producer.close(Duration.ofSeconds(5));
    }
}
