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
import org.rxradar.bus.BusException;
import org.rxradar.bus.KafkaClients;
import org.rxradar.bus.Topics;
import org.rxradar.model.Item;
import org.rxradar.model.Json;

/**
 * Publishes raw items to the raw topic of their kind, keyed by item id. Sends are asynchronous;
 * {@link #flush()} waits for every one and {@link #flushOwn()} for the calling thread's, and both
 * report a failure, so the fetch stage records an item as seen only once Kafka has it.
 */
public final class KafkaItemSink implements ItemSink, AutoCloseable {
    private final KafkaProducer<String, byte[]> producer;
    private final AtomicLong published = new AtomicLong();
    private final AtomicReference<Exception> failure = new AtomicReference<>();
    // the sends of each thread not yet confirmed by flushOwn(): a source is polled by one thread
    private final ThreadLocal<List<Future<RecordMetadata>>> pending = ThreadLocal.withInitial(ArrayList::new);

    public KafkaItemSink(KafkaClients clients) {
        this.producer = clients.producer("rxradar-fetcher");
    }

    @Override
    public void publish(Item item) {
        Future<RecordMetadata> sent = producer.send(new ProducerRecord<>(Topics.rawTopicFor(item.kind()), item.id(), Json.bytes(item)),
                (meta, e) -> {
                    if (e != null) failure.compareAndSet(null, e);
                    else published.incrementAndGet();
                });
        pending.get().add(sent);
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
