package org.rxradar.fetch;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.rxradar.bus.BusException;
import org.rxradar.bus.KafkaClients;
import org.rxradar.bus.Topics;
import org.rxradar.model.Item;
import org.rxradar.model.Json;

/**
 * Publishes raw items to the raw topic of their kind, keyed by item id. Sends are asynchronous;
 * {@link #flush()} waits for every one and reports the first failure, so the fetch stage records
 * an item as seen only once Kafka has it.
 */
public final class KafkaItemSink implements ItemSink, AutoCloseable {
    private final KafkaProducer<String, byte[]> producer;
    private final AtomicLong published = new AtomicLong();
    private final AtomicReference<Exception> failure = new AtomicReference<>();

    public KafkaItemSink(KafkaClients clients) {
        this.producer = clients.producer("rxradar-fetcher");
    }

    @Override
    public void publish(Item item) {
        producer.send(new ProducerRecord<>(Topics.rawTopicFor(item.kind()), item.id(), Json.bytes(item)), (meta, e) -> {
            if (e != null) failure.compareAndSet(null, e);
            else published.incrementAndGet();
        });
    }

    /** Blocks until every item sent so far is acknowledged; throws if any failed. */
    @Override
    public void flush() {
        producer.flush();
        Exception e = failure.getAndSet(null);
        if (e != null) throw new BusException("publishing items failed: " + e.getMessage(), e);
    }

    /** The producer, for binding its metrics only ({@code metrics()} is thread-safe). */
    public org.apache.kafka.clients.producer.Producer<String, byte[]> kafkaProducer() {
        return producer;
    }

    public long publishedCount() {
        return published.get();
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(10));
    }
}
