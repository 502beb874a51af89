package org.rxradar.tag;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.rxradar.bus.DeadLetters;
import org.rxradar.bus.KafkaClients;
import org.rxradar.bus.Offsets;
import org.rxradar.bus.PollLoop;
import org.rxradar.bus.RecordLimits;
import org.rxradar.bus.StageHealth;
import org.rxradar.bus.Topics;
import org.rxradar.model.Item;
import org.rxradar.model.Json;
import org.rxradar.model.TaggedItem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The tag loop: consumes the raw topics, tags each item and produces it to the tagged topic,
 * exactly once. Each polled batch is one Kafka transaction holding the tagged records, any
 * dead letters and the consumed offsets, so a crash anywhere either commits all of a batch or
 * none of it, and the batch is processed again from the last committed offsets.
 *
 * <p>Plain transactions rather than Kafka Streams: the stage is a stateless map, and this keeps
 * one consumer and one producer whose every setting is visible in {@link KafkaClients}.
 */
public final class TagStage implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(TagStage.class);
    public static final String STAGE = "tagger";
    private static final List<String> INPUTS = List.of(Topics.NEWS_RAW, Topics.LEADS_RAW);
    /** Below this many records a batch is tagged on the polling thread: splitting costs more than it saves. */
    private static final int PARALLEL_MIN_BATCH = 64;
    /** Writes of one batch: the first, and again after dead-lettering what Kafka refused (a dead letter refused in turn). */
    private static final int MAX_ATTEMPTS = 3;
    /**
     * Each batch costs a transaction (several broker round trips) whatever its size: while fetching
     * goes on, raw items arrive a poll at a time, so the consumer waits up to 100 ms for 64 KB
     * rather than returning each poll's few records as a batch of their own.
     */
    private static final Map<String, Object> BATCHING = Map.of(ConsumerConfig.FETCH_MIN_BYTES_CONFIG, 64 * 1024,
            ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 100);

    private final Function<Item, TaggedItem> tagger;
    private final KafkaClients clients;
    private final String transactionalId;
    private final KafkaConsumer<String, byte[]> consumer;
    private KafkaProducer<String, byte[]> producer;
    private final MeterRegistry metrics;
    private final int maxRecordBytes;
    private final StageHealth health = new StageHealth(STAGE);
    private final PollLoop loop;
    private volatile long tagged;   // written by the polling thread only, read by others (run --once's summary)
    private volatile long deadLettered;

    /**
     * The tag stage of the instance {@code clients} belong to: its transactional id is
     * {@code rxradar-tagger-<instance.id>} and its consumer a static member of the tagger group, so
     * several instances share the raw topics' partitions, and a second process with the same id
     * fences this one (which then stops, see {@link PollLoop}).
     */
    public TagStage(KafkaClients clients, Function<Item, TaggedItem> tagger, MeterRegistry metrics) {
        this.tagger = tagger;
        this.metrics = metrics;
        this.clients = clients;
        this.transactionalId = clients.transactionalId(STAGE);
        this.consumer = clients.consumer(STAGE, "rxradar-tagger-" + clients.instanceId(), BATCHING);
        this.producer = newProducer();
        this.maxRecordBytes = clients.maxRequestSize();
        this.loop = new PollLoop(STAGE, consumer, this::processBatch, health);
        consumer.subscribe(INPUTS, clients.ownership().listener(STAGE));
    }

    /** The tag stage of instance {@code instanceId} (tests and benchmarks, whose clients carry no id or another). */
    public TagStage(KafkaClients clients, Function<Item, TaggedItem> tagger, String instanceId, MeterRegistry metrics) {
        this(instanceId.equals(clients.instanceId()) ? clients : clients.withInstance(instanceId), tagger, metrics);
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
     * Processes everything written to the raw topics before this call, then returns the number of
     * items tagged so far ({@code run --once}).
     */
    public long drain(Duration timeout) {
        loop.drain(INPUTS, timeout);
        return tagged;
    }

    /** Items tagged (committed) so far by this stage, whichever thread runs it. */
    public long taggedCount() {
        return tagged;
    }

    /** Failed batches in a row, the last error, and whether the loop stopped: for {@code /health}. */
    public StageHealth health() {
        return health;
    }

    /** The stage's Kafka clients, for binding their metrics only ({@code metrics()} is thread-safe; nothing else is). */
    public org.apache.kafka.clients.consumer.Consumer<String, byte[]> kafkaConsumer() {
        return consumer;
    }

    /** See {@link #kafkaConsumer()}. */
    public org.apache.kafka.clients.producer.Producer<String, byte[]> kafkaProducer() {
        return producer;
    }

    public long deadLetterCount() {
        return deadLettered;
    }

    /**
     * Tags a batch and writes it in one transaction with its offsets. A record Kafka refuses for
     * itself (too large for the topic, invalid) fails the whole transaction, and retrying the batch
     * as it is would fail forever; so the send callbacks name the refused records, which are
     * dead-lettered in their place, and the batch is written again (at most {@value #MAX_ATTEMPTS}
     * times). Any other failure is thrown for the {@link PollLoop} to handle by kind.
     */
    private void processBatch(ConsumerRecords<String, byte[]> records) {
        List<ConsumerRecord<String, byte[]>> in = new ArrayList<>(records.count());
        records.forEach(in::add);
        List<ProducerRecord<String, byte[]>> out = new ArrayList<>(tagAll(in));
        Map<TopicPartition, OffsetAndMetadata> offsets = Offsets.after(records);
        for (int attempt = 1; ; attempt++) {
            Map<Integer, Exception> refused = new ConcurrentHashMap<>();
            AtomicReference<Exception> failed = new AtomicReference<>();
            try {
                producer.beginTransaction();
                for (int i = 0; i < out.size(); i++) {
                    int index = i;
                    producer.send(out.get(i), (meta, e) -> {
                        if (e == null) return;
                        if (RecordLimits.refusesRecord(e)) refused.put(index, e);
                        else failed.compareAndSet(null, e);
                    });
                    // a send that failed for another reason (no metadata within max.block.ms…) dooms the
                    // transaction: stop rather than wait as long again for each record of the batch
                    Exception f = failed.get();
                    if (f != null) throw new KafkaException("sending the batch failed: " + StageHealth.oneLine(f), f);
                }
                // with the group's metadata (generation, member id), not just its id: a member that lost these
                // partitions in a rebalance (a zombie) fails here, and its transaction is aborted (KIP-447)
                producer.sendOffsetsToTransaction(offsets, consumer.groupMetadata());
                producer.commitTransaction();
                long dead = out.stream().filter(r -> r.topic().equals(Topics.DEADLETTER)).count();
                tagged += out.size() - dead;
                deadLettered += dead;
                count(out.size() - dead, dead);
                return;
            } catch (KafkaException e) {
                // fenced (another instance took over this transactional id) and the like: the loop stops this
                // one; a new producer here would fence the instance that took over
                if (PollLoop.isFatal(e)) throw e;
                abortOrReplaceProducer(); // callbacks of the failed sends have run once the abort completes
                if (refused.isEmpty() || attempt == MAX_ATTEMPTS) throw e;
                refused.forEach((i, why) -> out.set(i, refusedOutput(in.get(i), out.get(i), why)));
            }
        }
    }

    /** What replaces an output Kafka refused: its dead letter, or a dead letter without the value if that was refused too. */
    private ProducerRecord<String, byte[]> refusedOutput(ConsumerRecord<String, byte[]> record, ProducerRecord<String, byte[]> refused,
                                                         Exception why) {
        if (refused.topic().equals(Topics.DEADLETTER)) {
            log.warn("Dead letter of {}-{}@{} refused too ({}); keeping only its headers", record.topic(), record.partition(),
                    record.offset(), StageHealth.oneLine(why));
            return DeadLetters.withoutValue(refused, why);
        }
        return deadLetter(record, new RecordTooLargeException("Kafka refused the tagged item: " + StageHealth.oneLine(why), why));
    }

    /** Aborts the open transaction; when the producer cannot (a fatal error), a new one with the same id aborts it. */
    private void abortOrReplaceProducer() {
        try {
            producer.abortTransaction();
        } catch (KafkaException e) {
            log.warn("Producer cannot abort ({}); replacing it", e.toString());
            producer.close(Duration.ZERO);
            producer = newProducer();
        }
    }

    private KafkaProducer<String, byte[]> newProducer() {
        KafkaProducer<String, byte[]> p = clients.transactionalProducer(transactionalId);
        p.initTransactions(); // aborts whatever an earlier producer with this id left open
        return p;
    }

    /**
     * Tags a polled batch. Parsing and tagging are pure and the tagger is thread-safe, so a large
     * batch is spread over every core; the results keep the polled order, so each partition's
     * records are produced in their order.
     */
    private List<ProducerRecord<String, byte[]>> tagAll(List<ConsumerRecord<String, byte[]>> in) {
        return in.size() < PARALLEL_MIN_BATCH ? in.stream().map(this::process).toList()
                : in.parallelStream().map(this::process).toList();
    }

    private ProducerRecord<String, byte[]> process(ConsumerRecord<String, byte[]> record) {
        TaggedItem result;
        try {
            if (record.value() == null) throw new IllegalArgumentException("empty record value");
            Item item = Json.read(record.value(), Item.class);
            result = tagger.apply(item);
        } catch (Exception e) {
            return deadLetter(record, e); // a poison record: keep its bytes in the dead-letter topic and go on with the batch
        }
        ProducerRecord<String, byte[]> out;
        try {
            out = new ProducerRecord<>(Topics.ITEMS_TAGGED, result.id(), Json.bytes(result));
        } catch (Exception e) {
            return deadLetter(record, new IllegalArgumentException("tagged item cannot be written as JSON: " + e.getMessage(), e));
        }
        // the producer would refuse it and fail the whole transaction, batch after batch: dead-letter it now
        int size = RecordLimits.sizeOf(out);
        if (size > maxRecordBytes) {
            return deadLetter(record, new RecordTooLargeException("tagged item too large for Kafka: " + RecordLimits.bytes(size)
                    + ", more than max.request.size (" + RecordLimits.bytes(maxRecordBytes) + "); raw record "
                    + RecordLimits.bytes(record.serializedValueSize()) + sizeNote(result)));
        }
        return out;
    }

    // what made it large, for the dead letter's reason
    private static String sizeNote(TaggedItem t) {
        return t.summary() == null ? "" : ", summary of " + String.format(java.util.Locale.ROOT, "%,d", t.summary().length()) + " characters";
    }

    /** The dead letter of a record, logged in one line, cut if it would not fit Kafka itself. */
    private ProducerRecord<String, byte[]> deadLetter(ConsumerRecord<String, byte[]> record, Exception why) {
        log.warn("Dead-lettered {}-{}@{}: {}", record.topic(), record.partition(), record.offset(), StageHealth.oneLine(why));
        return DeadLetters.fitting(DeadLetters.of(record, STAGE, why), maxRecordBytes);
    }

    private void count(long taggedNow, long deadNow) {
        if (metrics == null) return;
        metrics.counter("rxradar.items.tagged").increment(taggedNow);
        metrics.counter("rxradar.deadletter", "stage", STAGE).increment(deadNow);
    }

    @Override
    public void close() {
        loop.stop();
    }

    /** Closes the clients when the stage was used without {@link #run()} (the once mode). */
    public void closeClients() {
        KafkaClients.closeLeavingGroup(consumer, Duration.ofSeconds(5)); // its partitions move to the other instances now
        clients.ownership().clear(STAGE);
        producer.close(Duration.ofSeconds(5));
    }
}
