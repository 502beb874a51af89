package org.rxradar.tag;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InvalidProducerEpochException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.WakeupException;
import org.rxradar.bus.CatchUp;
import org.rxradar.bus.DeadLetters;
import org.rxradar.bus.KafkaClients;
import org.rxradar.bus.Offsets;
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

    private final Function<Item, TaggedItem> tagger;
    private final KafkaClients clients;
    private final String transactionalId;
    private final KafkaConsumer<String, byte[]> consumer;
    private KafkaProducer<String, byte[]> producer;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final MeterRegistry metrics;
    private long tagged;
    private long deadLettered;

    public TagStage(KafkaClients clients, Function<Item, TaggedItem> tagger, String instanceId, MeterRegistry metrics) {
        this.tagger = tagger;
        this.metrics = metrics;
        this.clients = clients;
        this.transactionalId = clients.groupId(STAGE) + "-" + instanceId;
        this.consumer = clients.consumer(STAGE, "rxradar-tagger-" + instanceId);
        this.producer = newProducer();
        consumer.subscribe(INPUTS);
    }

    /** Processes until {@link #close()} is called from another thread. */
    public void run() {
        try {
            while (running.get()) processBatch(Duration.ofMillis(500));
        } catch (WakeupException e) {
            if (running.get()) throw e;
        } finally {
            closeClients();
        }
    }

    /**
     * Processes everything written to the raw topics before this call, then returns the number of
     * items tagged so far ({@code run --once}).
     */
    public long drain(Duration timeout) {
        CatchUp target = CatchUp.endOffsets(consumer, INPUTS);
        long deadline = System.nanoTime() + timeout.toNanos();
        do {
            processBatch(Duration.ofMillis(200));
            if (target.reachedBy(consumer)) return tagged;
        } while (System.nanoTime() < deadline);
        throw new IllegalStateException("tagger did not catch up with the raw topics within " + timeout);
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

    private void processBatch(Duration pollTimeout) {
        ConsumerRecords<String, byte[]> records = consumer.poll(pollTimeout);
        if (records.isEmpty()) return;
        List<ProducerRecord<String, byte[]>> out = tagAll(records);
        long dead = out.stream().filter(r -> r.topic().equals(Topics.DEADLETTER)).count();
        try {
            producer.beginTransaction();
            for (ProducerRecord<String, byte[]> record : out) producer.send(record);
            producer.sendOffsetsToTransaction(Offsets.after(records), consumer.groupMetadata());
            producer.commitTransaction();
            tagged += out.size() - dead;
            deadLettered += dead;
            count(out.size() - dead, dead);
        } catch (ProducerFencedException | InvalidProducerEpochException e) {
            // another instance took over this transactional id: this one must stop
            running.set(false);
            throw new IllegalStateException("tagger fenced by another instance with the same id; stopping", e);
        } catch (KafkaException e) {
            log.warn("Tagging batch of {} records aborted, retrying from the last commit: {}", records.count(), e.toString());
            abortOrReplaceProducer();
            rewind();
        }
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
    private List<ProducerRecord<String, byte[]>> tagAll(ConsumerRecords<String, byte[]> records) {
        List<ConsumerRecord<String, byte[]>> in = new ArrayList<>(records.count());
        records.forEach(in::add);
        return in.size() < PARALLEL_MIN_BATCH ? in.stream().map(this::process).toList()
                : in.parallelStream().map(this::process).toList();
    }

    private ProducerRecord<String, byte[]> process(ConsumerRecord<String, byte[]> record) {
        try {
            if (record.value() == null) throw new IllegalArgumentException("empty record value");
            Item item = Json.read(record.value(), Item.class);
            TaggedItem result = tagger.apply(item);
            return new ProducerRecord<>(Topics.ITEMS_TAGGED, result.id(), Json.bytes(result));
        } catch (Exception e) {
            // a poison record: keep its bytes in the dead-letter topic and go on with the batch
            log.warn("Dead-lettered {}-{}@{}: {}", record.topic(), record.partition(), record.offset(), e.getMessage());
            return DeadLetters.of(record, STAGE, e);
        }
    }

    private void count(long taggedNow, long deadNow) {
        if (metrics == null) return;
        metrics.counter("rxradar.items.tagged").increment(taggedNow);
        metrics.counter("rxradar.deadletter", "stage", STAGE).increment(deadNow);
    }

    /** After an aborted transaction: go back to the committed offsets so the batch is read again. */
    private void rewind() {
        Set<TopicPartition> assigned = consumer.assignment();
        Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(assigned);
        for (TopicPartition tp : assigned) {
            OffsetAndMetadata at = committed.get(tp);
            if (at == null) consumer.seekToBeginning(List.of(tp));
            else consumer.seek(tp, at.offset());
        }
    }

    @Override
    public void close() {
        if (running.compareAndSet(true, false)) consumer.wakeup();
    }

    /** Closes the clients when the stage was used without {@link #run()} (the once mode). */
    public void closeClients() {
        try {
            consumer.close(Duration.ofSeconds(5));
        } catch (RuntimeException e) {
            log.debug("consumer close: {}", e.toString());
        }
        producer.close(Duration.ofSeconds(5));
    }
}
