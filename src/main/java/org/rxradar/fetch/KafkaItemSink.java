package org.rxradar.fetch;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.rxradar.bus.BusException;
import org.rxradar.bus.DeadLetters;
import org.rxradar.bus.KafkaClients;
import org.rxradar.bus.RecordLimits;
import org.rxradar.bus.Topics;
import org.rxradar.model.Item;
import org.rxradar.model.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes raw items to the raw topic of their kind, keyed by item id, each at most
 * {@link #MAX_ITEM_BYTES}, outside any transaction: for a fetch stage run on its own (the pipeline
 * stores each poll's items with the source's state in one transaction, {@link FetchWriter}). Sends are asynchronous;
 * {@link #flush()} waits for every one and {@link #flushOwn()} for the calling thread's, and both
 * report a failure, so the fetch stage records an item as seen only once Kafka has it.
 */
public final class KafkaItemSink implements ItemSink, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(KafkaItemSink.class);
    /**
     * The largest raw item published, as JSON. A fetched item is a few KB (see {@link TextCleaner});
     * an item larger than this has its text fields cut to the fetcher's limits, and one still larger
     * goes to the dead-letter topic with the reason. Well under Kafka's 1 MB, so that the tagged form
     * (the raw fields plus tags and evidence) always fits too.
     */
    public static final int MAX_ITEM_BYTES = 256 * 1024;
    static final String STAGE = "fetch";
    private final KafkaProducer<String, byte[]> producer;
    private final int maxRecordBytes;
    private final AtomicLong published = new AtomicLong();
    private final AtomicLong deadLettered = new AtomicLong();
    private final AtomicReference<Exception> failure = new AtomicReference<>();
    // the sends of each thread not yet confirmed by flushOwn(): a source is polled by one thread
    private final ThreadLocal<List<Future<RecordMetadata>>> pending = ThreadLocal.withInitial(ArrayList::new);

    public KafkaItemSink(KafkaClients clients) {
        this.producer = clients.producer("rxradar-fetcher");
        this.maxRecordBytes = clients.maxRequestSize();
    }

    @Override
    public void publish(Item item) {
        ProducerRecord<String, byte[]> record = recordOf(item, maxRecordBytes);
        boolean dead = record.topic().equals(Topics.DEADLETTER);
        Future<RecordMetadata> sent = producer.send(record,
                (meta, e) -> {
                    if (e != null) failure.compareAndSet(null, e);
                    else if (dead) deadLettered.incrementAndGet();
                    else published.incrementAndGet();
                });
        pending.get().add(sent);
    }

    /**
     * The record that publishes {@code item}: to the raw topic of its kind, keyed by id, its text cut
     * to the published limits when it is over {@link #MAX_ITEM_BYTES}; a dead letter with the reason
     * when it is over even so. Shared by this sink and the pipeline's transactional {@link FetchWriter}.
     */
    static ProducerRecord<String, byte[]> recordOf(Item item, int maxRecordBytes) {
        String topic = Topics.rawTopicFor(item.kind());
        byte[] value = Json.bytes(item);
        if (value.length > MAX_ITEM_BYTES) {
            Item cut = withTextCut(item);
            value = Json.bytes(cut);
            if (value.length > MAX_ITEM_BYTES) return deadLetter(topic, item, value, maxRecordBytes);
            log.info("Item {} of source {}: text cut to the published limits to fit {} (it was larger)", shortId(item), item.source(),
                    RecordLimits.bytes(MAX_ITEM_BYTES));
        }
        return new ProducerRecord<>(topic, item.id(), value);
    }

    /** The text fields cut to what fetchers publish (a title 500 characters, a summary 2,000), whatever built the item. */
    static Item withTextCut(Item i) {
        return new Item(i.v(), i.id(), i.kind(), i.source(), i.url(), TextCleaner.truncate(i.title(), TextCleaner.MAX_TITLE),
                TextCleaner.truncate(i.summary(), TextCleaner.MAX_SUMMARY), i.published(), i.publishedEstimated(), i.fetched(),
                i.updated(), TextCleaner.truncate(i.employer(), TextCleaner.MAX_TITLE),
                TextCleaner.truncate(i.location(), TextCleaner.MAX_TITLE), i.posting(), i.closed());
    }

    // still too large with its text cut (a huge URL or posting field): kept in the dead-letter topic, with the reason
    private static ProducerRecord<String, byte[]> deadLetter(String topic, Item item, byte[] value, int maxRecordBytes) {
        RecordTooLargeException why = new RecordTooLargeException("raw item too large: " + RecordLimits.bytes(value.length)
                + " with its text cut, more than the " + RecordLimits.bytes(MAX_ITEM_BYTES) + " a raw item may have");
        log.warn("Item {} of source {} dead-lettered: {}", shortId(item), item.source(), why.getMessage());
        return DeadLetters.fitting(DeadLetters.unsent(topic, item.id(), value, STAGE, why), maxRecordBytes);
    }

    // ids are 64 hex digits, but this item is odd by definition: keep the log line one line
    private static String shortId(Item item) {
        return item.id().length() <= 80 ? item.id() : item.id().substring(0, 80) + "…";
    }

    /** Items refused as too large and written to the dead-letter topic instead. */
    public long deadLetteredCount() {
        return deadLettered.get();
    }

    /** Blocks until every item sent so far, by any thread, is acknowledged; throws if any failed. */
    @Override
    public void flush() {
        producer.flush();
        pending.get().clear();
        Exception e = failure.getAndSet(null);
        if (e != null) throw new BusException("publishing items failed: " + e.getMessage(), e);
    }

    /** The producer, for binding its metrics only ({@code metrics()} is thread-safe). */
    public org.apache.kafka.clients.producer.Producer<String, byte[]> kafkaProducer() {
        return producer;
    }

    /**
     * Blocks until the items this thread sent are acknowledged; throws if any failed. Unlike
     * {@link #flush()} it does not wait for what other threads (other sources) sent meanwhile, and
     * it lets the producer fill its batches (linger) instead of forcing a send of everything.
     */
    @Override
    public void flushOwn() {
        List<Future<RecordMetadata>> mine = pending.get();
        try {
            for (Future<RecordMetadata> sent : mine) sent.get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            failure.compareAndSet(cause instanceof Exception ex ? ex : null, null); // reported here, not again by flush()
            throw new BusException("publishing items failed: " + cause.getMessage(), cause);
        } catch (InterruptedException e) {
            throw new InterruptException(e); // restores the interrupt flag, as the producer's own flush() does
        } finally {
            mine.clear();
        }
    }

    public long publishedCount() {
        return published.get();
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(10));
    }
}
