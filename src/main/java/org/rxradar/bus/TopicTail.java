package org.rxradar.bus;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a whole topic (or its last {@code lookback}) into a handler and keeps following it, on
 * its own thread. Used to rebuild in-memory views at start (tagged items for the feeds and the
 * digests, subscribers, the digest log), so that no view keeps state of its own and several
 * instances can run side by side. No consumer group: every instance reads everything.
 */
public final class TopicTail implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(TopicTail.class);

    private final KafkaClients clients;
    private final String topic;
    private final Duration lookback;
    private final Consumer<ConsumerRecord<String, byte[]>> handler;
    private final KafkaConsumer<String, byte[]> consumer;
    private final Map<TopicPartition, Long> positions = new ConcurrentHashMap<>();
    private final Thread thread;
    private List<TopicPartition> partitions;
    private Admin admin; // for end offsets; created on first use, one for the tail's life
    private volatile boolean running = true;
    private volatile Throwable failure;

    /** @param lookback null: from the beginning (compacted topics); else from this far back, by timestamp */
    public TopicTail(KafkaClients clients, String topic, Duration lookback, Consumer<ConsumerRecord<String, byte[]>> handler) {
        this.clients = clients;
        this.topic = topic;
        this.lookback = lookback;
        this.handler = handler;
        this.consumer = clients.reader("rxradar-tail-" + topic);
        this.thread = new Thread(this::loop, "tail-" + topic);
        this.thread.setDaemon(true);
        assignAndSeek();
    }

    public TopicTail start() {
        thread.start();
        return this;
    }

    private void assignAndSeek() {
        List<TopicPartition> parts = Partitions.of(consumer, topic, Duration.ofSeconds(30));
        this.partitions = parts;
        consumer.assign(parts);
        if (lookback == null) {
            consumer.seekToBeginning(parts);
            resolvePositions(parts);
            return;
        }
        Map<TopicPartition, Long> query = new HashMap<>();
        long since = Instant.now().minus(lookback).toEpochMilli();
        for (TopicPartition tp : parts) query.put(tp, since);
        Map<TopicPartition, OffsetAndTimestamp> found = consumer.offsetsForTimes(query, Duration.ofSeconds(30));
        for (TopicPartition tp : parts) {
            OffsetAndTimestamp at = found.get(tp);
            if (at == null) consumer.seekToEnd(List.of(tp)); // nothing that recent
            else consumer.seek(tp, at.offset());
        }
        resolvePositions(parts);
    }

    /**
     * Seeks to the beginning or end are lazy; resolve them now, so that records written between
     * this constructor and the first poll are not skipped.
     */
    private void resolvePositions(List<TopicPartition> parts) {
        for (TopicPartition tp : parts) positions.put(tp, consumer.position(tp, Duration.ofSeconds(30)));
    }

    private void loop() {
        try {
            while (running) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(300))) {
                    try {
                        handler.accept(record);
                    } catch (RuntimeException e) {
                        log.warn("Skipped {}-{}@{} while reading {}: {}", record.topic(), record.partition(), record.offset(), topic, e.toString());
                    }
                }
                for (TopicPartition tp : consumer.assignment()) positions.put(tp, consumer.position(tp));
            }
        } catch (WakeupException e) {
            // closing
        } catch (Throwable e) {
            failure = e;
            log.error("Stopped reading {}: {}", topic, e.toString());
        } finally {
            consumer.close(KafkaClients.READER_CLOSE);
        }
    }

    /** Waits until everything committed to the topic before this call has been handed to the handler. */
    public void awaitCaughtUp(Duration timeout) {
        awaitPast(endOffsets(IsolationLevel.READ_COMMITTED), timeout);
    }

    /**
     * Waits until every transaction begun on the topic before this call has ended (committed or
     * aborted) and what it committed has been handed to the handler: the end here is the high
     * watermark, which a {@code read_committed} reader passes only once no transaction before it is
     * open. For a new owner restoring state its predecessor may still be writing (a zombie's open
     * transaction is committed, or aborted when it times out, before this returns).
     */
    public void awaitSettled(Duration timeout) {
        awaitPast(endOffsets(IsolationLevel.READ_UNCOMMITTED), timeout);
    }

    private void awaitPast(Map<TopicPartition, Long> targets, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (failure != null) throw new BusException("reading " + topic + " failed: " + failure.getMessage(), failure);
            boolean done = targets.entrySet().stream()
                    .allMatch(e -> e.getValue() == 0 || positions.getOrDefault(e.getKey(), -1L) >= e.getValue());
            if (done) return;
            if (System.nanoTime() > deadline) throw new BusException("reading " + topic + " did not catch up within " + timeout);
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new BusException("interrupted while reading " + topic, e);
            }
        }
    }

    /** End offsets: READ_COMMITTED, a transaction still open is not waited for; READ_UNCOMMITTED, the high watermark. */
    private synchronized Map<TopicPartition, Long> endOffsets(IsolationLevel isolation) {
        if (admin == null) admin = Admin.create(clients.common());
        Map<TopicPartition, OffsetSpec> query = new HashMap<>();
        for (TopicPartition tp : partitions) query.put(tp, OffsetSpec.latest());
        try {
            Map<TopicPartition, Long> out = new HashMap<>();
            admin.listOffsets(query, new ListOffsetsOptions(isolation)).all().get(30, TimeUnit.SECONDS)
                    .forEach((tp, info) -> out.put(tp, info.offset()));
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BusException("interrupted", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new BusException("cannot read end offsets of " + topic + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        running = false;
        synchronized (this) {
            if (admin != null) admin.close(Duration.ofSeconds(2));
            admin = null;
        }
        consumer.wakeup();
        try {
            if (thread.isAlive()) thread.join(5000);
            else consumer.close(KafkaClients.READER_CLOSE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IllegalStateException e) {
            // already closed by the loop
        }
    }
}
