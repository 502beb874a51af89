package org.rxradar.trend;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.rxradar.bus.DeadLetters;
import org.rxradar.bus.KafkaClients;
import org.rxradar.bus.Offsets;
import org.rxradar.bus.PollLoop;
import org.rxradar.bus.SingleOwnerAssignor;
import org.rxradar.bus.StageHealth;
import org.rxradar.bus.TopicTail;
import org.rxradar.bus.Topics;
import org.rxradar.model.Json;
import org.rxradar.model.TaggedItem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The trend loop: counts tagged items into the {@link TrendStore} and writes the changed days'
 * snapshots to the compacted {@code rxradar.trends} topic in one Kafka transaction with the
 * consumed offsets. Failures are handled by kind in the {@link PollLoop} shared with the tag stage.
 *
 * <p><b>One owner.</b> The counting cannot be split by partition: the items of one near-duplicate
 * cluster sit in different partitions of {@code rxradar.items.tagged} (keyed by item id), and a day
 * is one record. So the stage's consumer group uses the {@link SingleOwnerAssignor}: one instance
 * gets every partition and counts, the others get none and stand by; when the owner dies or leaves,
 * Kafka gives everything to another. Every instance serves what the owner publishes
 * ({@link TrendView}).
 *
 * <p><b>Taking over.</b> An instance that gets the partitions forgets what it counted before and
 * restores the store from the snapshots, after waiting until no transaction of a previous owner is
 * still open (its offsets and its snapshots are then both committed or both aborted), then counts
 * from the committed offsets. Records counted in a snapshot but read again are recognised by id.
 * A previous owner that does not know it lost the partitions (a long pause) cannot overwrite the
 * new owner's days: its offsets carry its old group generation, so its transaction fails and is
 * aborted (KIP-447), and readers never see its snapshots.
 */
public final class TrendStage implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(TrendStage.class);
    public static final String STAGE = "trend";
    /** The instance id of clients built without one (tests, tools): one instance. */
    static final String DEFAULT_INSTANCE = "0";
    /** Restoring waits at most this long for a predecessor's open transaction (it is aborted after KafkaClients.TRANSACTION_TIMEOUT). */
    private static final Duration RESTORE_TIMEOUT = Duration.ofSeconds(90);

    private final KafkaClients clients;
    private final TrendStore store;
    private final Clock clock;
    private final String transactionalId;
    private final KafkaConsumer<String, byte[]> consumer;
    private KafkaProducer<String, byte[]> producer;
    private final int maxRecordBytes;
    private final StageHealth health = new StageHealth(STAGE);
    private final PollLoop loop;
    /** Days dropped from the store whose tombstones are not committed yet. */
    private final Set<LocalDate> tombstones = new TreeSet<>();
    /** This instance holds the tagged topic's partitions: it counts. */
    private volatile boolean owner;
    /** The store holds the published state as of taking the partitions (consumer thread only). */
    private boolean restored;

    /**
     * The trend stage of the instance {@code clients} belong to (or of instance "0" for clients
     * without an id): its transactional id is {@code rxradar-trend-<instance.id>}, its consumer a
     * (static) member of the trend group, counting only while it owns the tagged topic.
     *
     * @param store where this instance counts while it owns the partitions; serve a {@link TrendView} instead
     */
    public TrendStage(KafkaClients clients, TrendStore store, Clock clock) {
        this.clients = clients.instanceId() != null ? clients : clients.withInstance(DEFAULT_INSTANCE);
        this.store = store;
        this.clock = clock;
        this.transactionalId = this.clients.transactionalId(STAGE);
        this.producer = newProducer();
        // every partition to one member: see the class comment; this group's members all set it
        this.consumer = this.clients.consumer(STAGE, "rxradar-trend-" + this.clients.instanceId(),
                Map.of(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, List.of(SingleOwnerAssignor.class.getName())));
        this.maxRecordBytes = this.clients.maxRequestSize();
        this.loop = new PollLoop(STAGE, consumer, this::processBatch, health);
        consumer.subscribe(List.of(Topics.ITEMS_TAGGED), this.clients.ownership().listener(STAGE, new Counting()));
    }

    /** Every daily snapshot committed to {@code rxradar.trends}; unreadable ones are logged and skipped. */
    public static List<TrendSnapshot> readSnapshots(KafkaClients clients) {
        return readSnapshots(clients, false);
    }

    /** @param settled wait until no transaction on the topic is open (a new owner restoring), not just for what is committed */
    private static List<TrendSnapshot> readSnapshots(KafkaClients clients, boolean settled) {
        List<TrendSnapshot> snapshots = Collections.synchronizedList(new ArrayList<>());
        try (TopicTail tail = new TopicTail(clients, Topics.TRENDS, null, r -> {
            if (r.value() == null) return;
            try {
                snapshots.add(TrendSnapshot.fromJson(r.value()));
            } catch (Exception e) {
                log.warn("Unreadable trend snapshot {} skipped: {}", r.key(), e.getMessage());
            }
        }).start()) {
            if (settled) tail.awaitSettled(RESTORE_TIMEOUT);
            else tail.awaitCaughtUp(Duration.ofSeconds(60));
        }
        return List.copyOf(snapshots);
    }

    /** The stage's Kafka clients, for binding their metrics only ({@code metrics()} is thread-safe; nothing else is). */
    public org.apache.kafka.clients.consumer.Consumer<String, byte[]> kafkaConsumer() {
        return consumer;
    }

    /** See {@link #kafkaConsumer()}. The producer may be replaced after a fatal abort; metrics bind the first. */
    public org.apache.kafka.clients.producer.Producer<String, byte[]> kafkaProducer() {
        return producer;
    }

    /** What this instance counted, as of the last time it owned the partitions. */
    public TrendStore store() {
        return store;
    }

    /** True while this instance holds the tagged topic's partitions and counts. */
    public boolean isOwner() {
        return owner;
    }

    /** Processes until {@link #close()} is called from another thread, or a fatal error (see {@link PollLoop}). */
    public void run() {
        try {
            loop.run(Duration.ofMillis(500));
        } finally {
            closeClients();
        }
    }

    /**
     * Waits until everything in the tagged topic before this call is counted ({@code run --once}): by
     * this instance when it owns the partitions, else by the owner (the group's committed offsets).
     */
    public void drain(Duration timeout) {
        loop.drain(List.of(Topics.ITEMS_TAGGED), timeout);
        if (owner && !restored) restoreOrFail(); // owner of a topic with nothing new: the store still shows the state
    }

    /** Failed batches in a row, the last error, and whether the loop stopped: for {@code /health}. */
    public StageHealth health() {
        return health;
    }

    /** Starts and stops the counting as the group gives and takes the partitions (on the consumer's thread, inside poll). */
    private final class Counting implements ConsumerRebalanceListener {
        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            boolean was = owner;
            owner = !partitions.isEmpty();
            restored = false;
            if (!owner) {
                if (was) log.info("Trend counting moved to another instance");
                return;
            }
            try {
                long start = System.nanoTime();
                restore();
                log.info("Trend counting: this instance ({}) owns {} partitions of {}; {} days restored from {} in {} ms",
                        clients.instanceId(), partitions.size(), Topics.ITEMS_TAGGED, store.days().size(), Topics.TRENDS,
                        (System.nanoTime() - start) / 1_000_000);
            } catch (RuntimeException e) {
                // the first batch tries again, and fails (leaving its offsets) until the state is restored
                log.warn("Trend state not restored yet: {}", StageHealth.oneLine(e));
            }
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            if (!partitions.isEmpty()) {
                owner = false;
                restored = false;
            }
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            onPartitionsRevoked(partitions);
        }
    }

    /**
     * The store as published: waits until the offsets a previous owner's transaction may hold are
     * settled (the consumer asks for stable offsets, KIP-447) and until no transaction on
     * {@code rxradar.trends} is open, then replaces the store with the snapshots.
     */
    private void restore() {
        Set<TopicPartition> assigned = consumer.assignment();
        if (!assigned.isEmpty()) consumer.committed(assigned, RESTORE_TIMEOUT);
        store.replaceWith(readSnapshots(clients, true));
        tombstones.addAll(store.retainUpTo(today()));
        restored = true;
    }

    private void restoreOrFail() {
        try {
            restore();
        } catch (KafkaException e) {
            if (PollLoop.isFatal(e)) throw e;
            throw new KafkaException("trend state not restored from " + Topics.TRENDS + ", batch left for later: " + StageHealth.oneLine(e), e);
        } catch (RuntimeException e) {
            throw new KafkaException("trend state not restored from " + Topics.TRENDS + ", batch left for later: " + StageHealth.oneLine(e), e);
        }
    }

    /**
     * Counts a batch and writes the changed days' snapshots (and tombstones, and dead letters) with
     * the consumed offsets in one transaction. A transaction that fails is aborted: the offsets stay
     * uncommitted, the days are marked changed again and the batch is read again (its items are
     * recognised by id, so nothing is counted twice); after a crash the records are counted from the
     * topic by whichever instance owns it next.
     */
    private void processBatch(ConsumerRecords<String, byte[]> records) {
        if (!restored) restoreOrFail();
        List<ProducerRecord<String, byte[]>> out = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            try {
                store.add(Json.read(record.value(), TaggedItem.class));
            } catch (Exception e) {
                log.warn("Dead-lettered {}-{}@{}: {}", record.topic(), record.partition(), record.offset(), StageHealth.oneLine(e));
                out.add(DeadLetters.fitting(DeadLetters.of(record, STAGE, e), maxRecordBytes));
            }
        }
        List<TrendSnapshot> snapshots = store.takeChanged();
        tombstones.addAll(store.retainUpTo(today()));
        for (TrendSnapshot s : snapshots) out.add(new ProducerRecord<>(Topics.TRENDS, s.key(), s.toJson()));
        for (LocalDate dropped : tombstones) out.add(new ProducerRecord<>(Topics.TRENDS, dropped.toString(), null));
        AtomicReference<Exception> failed = new AtomicReference<>();
        try {
            producer.beginTransaction();
            for (ProducerRecord<String, byte[]> r : out) producer.send(r, (meta, e) -> {
                if (e != null) failed.compareAndSet(null, e);
            });
            // with the group's metadata (generation, member id): an owner that lost the partitions fails here (KIP-447)
            producer.sendOffsetsToTransaction(Offsets.after(records), consumer.groupMetadata());
            producer.commitTransaction(); // fails when any send failed: each send's result counts, not just a flush
        } catch (KafkaException e) {
            store.markChanged(snapshots.stream().map(TrendSnapshot::day).toList()); // published with the next batch that succeeds
            if (PollLoop.isFatal(e)) throw e; // fenced by another process with this instance's id: the loop stops
            abortOrReplaceProducer(); // the failed sends' callbacks have run once the abort completes
            Throwable cause = failed.get() != null ? failed.get() : e;
            throw new KafkaException("trend snapshots not stored, offsets left uncommitted: " + StageHealth.oneLine(cause), cause);
        }
        tombstones.clear();
    }

    /** Aborts the open transaction; when the producer cannot, a new one with the same id aborts it. */
    private void abortOrReplaceProducer() {
        try {
            producer.abortTransaction();
        } catch (KafkaException e) {
            log.warn("Trend producer cannot abort ({}); replacing it", e.toString());
            producer.close(Duration.ZERO);
            producer = newProducer();
        }
    }

    private KafkaProducer<String, byte[]> newProducer() {
        KafkaProducer<String, byte[]> p = clients.transactionalProducer(transactionalId);
        p.initTransactions(); // aborts whatever an earlier producer with this id left open
        return p;
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(ZoneOffset.UTC));
    }

    @Override
    public void close() {
        loop.stop();
    }

    /** Closes the clients: leaves the group at once, so another instance takes the counting over now. */
    public void closeClients() {
        KafkaClients.closeLeavingGroup(consumer, Duration.ofSeconds(5));
        clients.ownership().clear(STAGE);
        owner = false;
        producer.close(Duration.ofSeconds(5));
    }
}
