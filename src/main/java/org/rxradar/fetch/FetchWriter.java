package org.rxradar.fetch;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BiPredicate;
import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InterruptException;
import org.rxradar.bus.BusException;
import org.rxradar.bus.KafkaClients;
import org.rxradar.bus.PollLoop;
import org.rxradar.bus.StageHealth;
import org.rxradar.bus.Topics;
import org.rxradar.config.RxRadarConfig;
import org.rxradar.model.Item;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pipeline's {@link PollSink}: stores each poll's items and its source's new state in one Kafka
 * transaction, with the offsets of the {@code rxradar.sources} partitions and the fetch group's
 * metadata ({@code sendOffsetsToTransaction}, KIP-447). A member of an older group generation (an
 * instance that stalled past the session timeout and whose sources another instance now polls) has
 * its transaction refused by the group coordinator, so its items and state are never seen; a second
 * process with this instance's id fences this one's transactional id.
 *
 * <p>One writer thread, one transactional producer ({@code rxradar-fetch-<instance.id>}) for the
 * fetch workers: a transactional producer runs one transaction at a time, and the workers spend
 * their time on HTTP, not here. The writer commits whatever polls are waiting as one transaction
 * (a group commit), so eight workers cost one commit round trip rather than eight. Rather than one
 * producer per worker ({@code …-<n>}): one id per instance and stage, as the other stages, and no
 * ids left open when {@code fetch.threads} changes.
 *
 * <p>Before each transaction the writer checks, under {@link #awaitIdle()}'s lock, that every poll's
 * source is still this instance's and that its state is the one the poll began from; a rebalance
 * listener that takes this lock after giving up partitions knows that no transaction holding their
 * sources is open or will be.
 */
final class FetchWriter implements PollSink, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(FetchWriter.class);
    /** Polls in one transaction at most: a first pass of many sources still commits every few hundred. */
    private static final int MAX_POLLS = 200;

    /** What the writer asks the fetch group member. */
    interface Owner {
        /** The {@code rxradar.sources} partition of the source when this instance owns it now, else -1. */
        int ownedPartition(String sourceId);

        /** The offsets to commit for these {@code rxradar.sources} partitions: how far this instance has read them. */
        Map<TopicPartition, OffsetAndMetadata> offsets(Set<Integer> partitions);

        /** The fetch consumer's group metadata, as of its last poll or rebalance. */
        ConsumerGroupMetadata groupMetadata();
    }

    private record Poll(RxRadarConfig.Source source, SourceState before, SourceState after, List<Item> items,
                        CompletableFuture<Void> done) {}

    /** Put on the queue by {@link #close()}: the writer stops waiting for polls at once. Never stored. */
    private static final Poll CLOSING = new Poll(null, null, null, List.of(), new CompletableFuture<>());

    private final KafkaClients clients;
    private final String transactionalId;
    private final Owner owner;
    private final BiPredicate<String, SourceState> current;
    private final StageHealth health;
    private final Runnable onFatal;
    private final int maxRecordBytes;
    private final BlockingQueue<Poll> queue = new LinkedBlockingQueue<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final AtomicLong published = new AtomicLong();
    private final AtomicLong deadLettered = new AtomicLong();
    private final AtomicLong transactions = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private volatile String lastRefusal;
    private final AtomicReference<String> fatal = new AtomicReference<>();
    /** The offset of the last record of each partition written by a committed transaction. */
    private final Map<TopicPartition, Long> written = new java.util.concurrent.ConcurrentHashMap<>();
    private final Thread thread;
    private KafkaProducer<String, byte[]> producer; // null after one that could not abort was closed
    private volatile boolean running = true;

    /**
     * @param current true when a state is still the source's current one (no restore or forget since the poll began)
     * @param onFatal called once when the writer stops for good (fenced, not authorised)
     */
    FetchWriter(KafkaClients clients, Owner owner, BiPredicate<String, SourceState> current, StageHealth health, Runnable onFatal) {
        this.clients = clients;
        this.transactionalId = clients.transactionalId(FetchGroup.STAGE);
        this.owner = owner;
        this.current = current;
        this.health = health;
        this.onFatal = onFatal;
        this.maxRecordBytes = clients.maxRequestSize();
        this.producer = newProducer();
        this.thread = new Thread(this::run, "rxradar-fetch-writer");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    private KafkaProducer<String, byte[]> newProducer() {
        KafkaProducer<String, byte[]> p = clients.transactionalProducer(transactionalId);
        p.initTransactions(); // fences an earlier process with this id and aborts what it left open
        return p;
    }

    /** Waits until the poll is stored with its items, in a transaction of its own or shared with other polls. */
    @Override
    public void store(RxRadarConfig.Source source, SourceState before, SourceState after, List<Item> items) {
        String stopped = fatal.get();
        if (stopped != null) throw new BusException("the fetch stage stopped: " + stopped);
        if (!running) throw new BusException("the fetch stage is closing");
        Poll poll = new Poll(source, before, after, List.copyOf(items), new CompletableFuture<>());
        queue.add(poll);
        try {
            poll.done().get();
        } catch (InterruptedException e) {
            throw new InterruptException(e); // restores the interrupt flag
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            throw new BusException("storing the poll failed: " + e.getCause(), e.getCause());
        }
    }

    /**
     * Returns once no transaction is open and none will include a source this instance no longer owns
     * (call after removing the sources from the owner): what a rebalance listener waits for before it
     * gives partitions up.
     */
    void awaitIdle() {
        lock.lock();
        lock.unlock();
    }

    long publishedCount() {
        return published.get();
    }

    long deadLetteredCount() {
        return deadLettered.get();
    }

    long transactionCount() {
        return transactions.get();
    }

    long refusedCount() {
        return refused.get();
    }

    String lastRefusal() {
        return lastRefusal;
    }

    /** The producer, for binding its metrics only (a producer replaced after a failed abort is not bound). */
    org.apache.kafka.clients.producer.Producer<String, byte[]> kafkaProducer() {
        return producer;
    }

    private void run() {
        List<Poll> batch = new ArrayList<>();
        while (running) {
            try {
                Poll first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null || first == CLOSING) continue;
                batch.add(first);
                queue.drainTo(batch, MAX_POLLS - 1);
                batch.removeIf(p -> p == CLOSING);
                commit(batch);
            } catch (InterruptedException e) {
                break;
            } catch (RuntimeException e) {
                log.error("fetch writer: unexpected failure", e);
                fail(batch, e);
            } finally {
                batch.clear();
            }
        }
        List<Poll> left = new ArrayList<>(queue);
        left.removeIf(p -> p == CLOSING);
        fail(left, new BusException("the fetch stage is closing"));
        queue.clear();
    }

    private void commit(List<Poll> batch) {
        lock.lock();
        try {
            if (fatal.get() != null) {
                fail(batch, new BusException("the fetch stage stopped: " + fatal.get()));
                return;
            }
            List<Poll> accepted = new ArrayList<>(batch.size());
            List<ProducerRecord<String, byte[]>> records = new ArrayList<>();
            Set<Integer> partitions = new TreeSet<>();
            for (Poll p : batch) {
                String id = p.source().id();
                int partition = owner.ownedPartition(id);
                if (partition < 0 || !current.test(id, p.before())) {
                    p.done().completeExceptionally(new SourceMovedException("source " + id + " is now polled by another instance"));
                    continue;
                }
                accepted.add(p);
                partitions.add(partition);
                for (Item item : p.items()) records.add(KafkaItemSink.recordOf(item, maxRecordBytes));
                records.addAll(StateRecords.of(p.after(), partition));
            }
            if (accepted.isEmpty()) return;
            ensureProducer();
            write(records, owner.offsets(partitions), owner.groupMetadata());
            transactions.incrementAndGet();
            for (ProducerRecord<String, byte[]> r : records) {
                if (r.topic().equals(Topics.DEADLETTER)) deadLettered.incrementAndGet();
                else if (!r.topic().equals(Topics.FETCH_STATE)) published.incrementAndGet();
            }
            health.succeeded();
            for (Poll p : accepted) p.done().complete(null);
        } catch (KafkaException e) {
            if (PollLoop.isFatal(e)) {
                String why = PollLoop.whyFatal(e);
                fatal.set(why);
                health.stopped(why);
                log.error("fetch stopped, it cannot go on: {}", why);
                fail(batch, e);
                onFatal.run();
                return;
            }
            if (producer != null) abortOrReplaceProducer();
            if (generationOver(e)) {
                // the group's generation moved on between the polls and this commit: a rebalance (the
                // polls are tried again if their sources are still ours), or this member was dropped
                // from the group and is a zombie (its sources are polled by another instance now)
                refused.incrementAndGet();
                lastRefusal = StageHealth.oneLine(e);
                log.info("fetch: {} polls not stored, the group's generation changed: {}", batch.size(), lastRefusal);
            } else {
                health.failed(e);
                log.warn("fetch: {} polls not stored, their sources are fetched again: {}", batch.size(), StageHealth.oneLine(e));
            }
            fail(batch, e);
        } finally {
            lock.unlock();
        }
    }

    /** One transaction: the records, then the offsets under the group's generation (refused for a member of an older one). */
    private void write(List<ProducerRecord<String, byte[]>> records, Map<TopicPartition, OffsetAndMetadata> offsets,
                       ConsumerGroupMetadata group) {
        AtomicReference<Exception> failed = new AtomicReference<>();
        Map<TopicPartition, Long> last = new java.util.concurrent.ConcurrentHashMap<>();
        producer.beginTransaction();
        for (ProducerRecord<String, byte[]> r : records) {
            producer.send(r, (meta, e) -> {
                if (e != null) failed.compareAndSet(null, e);
                else last.merge(new TopicPartition(meta.topic(), meta.partition()), meta.offset(), Math::max);
            });
            Exception f = failed.get();
            if (f != null) throw new KafkaException("sending the polls failed: " + StageHealth.oneLine(f), f);
        }
        producer.sendOffsetsToTransaction(offsets, group);
        producer.commitTransaction(); // every send's callback has run
        last.forEach((tp, offset) -> written.merge(tp, offset, Math::max));
    }

    /**
     * Waits until what this writer has committed so far is visible to {@code read_committed} readers
     * (the tagger): {@code commitTransaction()} returns before the broker has written the commit
     * markers to the partitions, and until then those readers' end offset stops before the
     * transaction.
     *
     * @return false when {@code timeout} passed first
     */
    boolean awaitVisible(Duration timeout) throws InterruptedException {
        Map<TopicPartition, Long> targets = Map.copyOf(written);
        if (targets.isEmpty()) return true;
        long deadline = System.nanoTime() + timeout.toNanos();
        try (org.apache.kafka.clients.consumer.KafkaConsumer<String, byte[]> reader = clients.reader("rxradar-fetch-visible")) {
            // assigned (never polled): the consumer keeps the last stable offsets it is told only for its own partitions
            reader.assign(targets.keySet());
            while (true) {
                Map<TopicPartition, Long> ends = reader.endOffsets(targets.keySet(), timeout); // read_committed: the last stable offsets
                if (targets.entrySet().stream().allMatch(e -> ends.getOrDefault(e.getKey(), 0L) > e.getValue())) return true;
                if (System.nanoTime() > deadline) return false;
                Thread.sleep(20);
            }
        }
    }

    /** Aborts the open transaction; when the producer cannot, a new one with the same id aborts it. */
    private void abortOrReplaceProducer() {
        try {
            producer.abortTransaction();
        } catch (KafkaException e) {
            log.warn("fetch: producer cannot abort ({}); replacing it", StageHealth.oneLine(e));
            producer.close(Duration.ZERO);
            producer = null; // a new one with the same id, before the next transaction
        }
    }

    private void ensureProducer() {
        if (producer == null) producer = newProducer();
    }

    /** The coordinator refused the offsets: this member's group generation is over (KIP-447 fencing). */
    private static boolean generationOver(Throwable e) {
        for (Throwable c = e; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof org.apache.kafka.clients.consumer.CommitFailedException) return true;
        }
        return false;
    }

    private static void fail(List<Poll> polls, Exception e) {
        for (Poll p : polls) p.done().completeExceptionally(e);
    }

    /** Ends the writer after the transaction in progress, if any; polls still waiting are not stored. */
    @Override
    public void close() {
        running = false;
        queue.add(CLOSING); // wakes the thread waiting for polls; a transaction in progress ends first
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (producer != null) producer.close(Duration.ofSeconds(5));
    }
}
