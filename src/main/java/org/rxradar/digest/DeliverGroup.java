package org.rxradar.digest;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InvalidProducerEpochException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.rxradar.bus.BusException;
import org.rxradar.bus.KafkaClients;
import org.rxradar.bus.Partitions;
import org.rxradar.bus.PollLoop;
import org.rxradar.bus.StageHealth;
import org.rxradar.bus.Topics;
import org.rxradar.model.DigestRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This instance's share of the subscribers, from Kafka: a member of the {@code deliver} consumer
 * group subscribed to {@code rxradar.subscriptions}; the partitions the group assigns it are the
 * subscribers it delivers (the subscriber view itself stays whole on every instance, see
 * {@link SubscriptionLog}). The records it polls are not used; polling keeps it in the group and
 * runs the rebalance callbacks, on its own thread.
 *
 * <p>Each send is {@linkplain #claim claimed}: the claim holds the group generation in which this
 * instance owned the subscriber's partition, and the send intent is written through the
 * transactional producer {@code <prefix>-deliver-<instance id>} in a transaction that also commits
 * the deliver group's offset of that partition with that generation
 * ({@code sendOffsetsToTransaction(offsets, groupMetadata)}, KIP-447). The group coordinator refuses
 * it once the group has moved on (another member may own the partition now): the transaction is
 * aborted, nothing is sent, the next check decides again. The intent record is acknowledged before
 * the coordinator is asked, so a new owner, which reads the digest log up to its end and waits for
 * the transactions open there ({@link DigestLog#awaitSettled}), sees every intent that commits.
 *
 * <p>A rebalance that takes partitions away waits (at most {@link #REVOKE_WAIT}) for the claims open
 * on them, so that a clean handover passes results, not intents in doubt. Results, withdrawals and
 * "unknown" records are plain acknowledged writes: they send nothing, and the last word on a digest
 * is best left to the instance that sent it.
 *
 * <p>Fenced (another process took this instance's transactional id or {@code group.instance.id}):
 * the group stops claiming, {@link #health()} says so and {@code onStopped} is told.
 */
public final class DeliverGroup implements DeliverStage.Ownership, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(DeliverGroup.class);
    public static final String STAGE = "deliver";
    /** How long a rebalance waits for the sends in progress on the partitions it takes away. */
    static final Duration REVOKE_WAIT = Duration.ofSeconds(30);

    private final KafkaConsumer<String, byte[]> consumer;
    private final String transactionalId;
    private final KafkaClients clients;
    private final DigestLog digests;
    private final Duration revokeWait;
    private final int partitions;
    private final StageHealth health = new StageHealth(STAGE);
    private final PollLoop loop;
    private final Thread thread;
    private final Consumer<String> onStopped;
    private final CountDownLatch firstAssignment = new CountDownLatch(1);
    private final Object transactions = new Object(); // one transaction at a time on the producer
    private KafkaProducer<String, byte[]> producer;   // guarded by transactions; null: open a new one before the next write

    // guarded by this
    private final Set<Integer> owned = new TreeSet<>();
    private final Set<Integer> newlyOwned = new TreeSet<>();
    private final Map<Integer, Integer> claimsOpen = new HashMap<>();
    private final Map<Integer, Long> positions = new HashMap<>();
    private ConsumerGroupMetadata generation;
    private String stoppedWhy;
    private volatile boolean crashed; // tests: stop as a killed process would

    /**
     * Joins the group (in the background: see {@link #awaitAssignment}) and opens the transactional
     * producer, which aborts whatever a previous run of this instance left open.
     *
     * @param digests   where intents are recorded
     * @param onStopped told, once, why the group stopped for good (fenced, not authorised)
     */
    public DeliverGroup(KafkaClients clients, String instanceId, DigestLog digests, Consumer<String> onStopped) {
        this(clients, instanceId, digests, onStopped, REVOKE_WAIT);
    }

    /** @param revokeWait how long a rebalance waits for the sends in progress on the partitions it takes away */
    DeliverGroup(KafkaClients clients, String instanceId, DigestLog digests, Consumer<String> onStopped, Duration revokeWait) {
        this.revokeWait = revokeWait;
        this.clients = clients;
        this.digests = digests;
        this.onStopped = onStopped;
        this.transactionalId = clients.groupId(STAGE).replace('.', '-') + "-" + instanceId;
        this.consumer = clients.consumer(STAGE, "rxradar-deliver-" + instanceId);
        this.partitions = Partitions.of(consumer, Topics.SUBSCRIPTIONS, Duration.ofSeconds(30)).size();
        int digestPartitions = Partitions.of(consumer, Topics.DIGESTS, Duration.ofSeconds(30)).size();
        if (digestPartitions != partitions)
            log.warn("{} has {} partitions and {} {}: a subscriber's digests are not in their partition's twin; "
                    + "give both topics the same number of partitions", Topics.SUBSCRIPTIONS, partitions, Topics.DIGESTS, digestPartitions);
        this.producer = newProducer();
        this.loop = new PollLoop(STAGE, consumer, this::polled, health);
        this.thread = new Thread(this::run, "deliver-group");
        thread.setDaemon(true);
        thread.start();
    }

    private KafkaProducer<String, byte[]> newProducer() {
        KafkaProducer<String, byte[]> p = clients.transactionalProducer(transactionalId);
        p.initTransactions(); // fences an older producer of this id and aborts what it left open
        return p;
    }

    private void run() {
        try {
            consumer.subscribe(List.of(Topics.SUBSCRIPTIONS), new Listener());
            loop.run(Duration.ofMillis(500));
        } catch (RuntimeException e) {
            health.stopped(StageHealth.oneLine(e));
        }
        String why = health.state().stopped();
        if (why != null && !"closed".equals(why)) stop(why);
        try {
            // leave at once on a clean stop: the others take the partitions now, not after the session timeout;
            // the revocation waits for the sends in progress
            consumer.close(CloseOptions.groupMembershipOperation(crashed ? CloseOptions.GroupMembershipOperation.REMAIN_IN_GROUP
                    : CloseOptions.GroupMembershipOperation.LEAVE_GROUP).withTimeout(Duration.ofSeconds(5)));
        } catch (RuntimeException e) {
            log.debug("deliver group consumer close: {}", e.toString());
        }
        release(ownedPartitions());
    }

    /** The subscriptions records are the subscriber view's business; only where the group stands matters here. */
    private synchronized void polled(ConsumerRecords<String, byte[]> records) {
        for (TopicPartition tp : records.partitions()) {
            var in = records.records(tp);
            positions.put(tp.partition(), in.get(in.size() - 1).offset() + 1);
        }
        generation = consumer.groupMetadata();
    }

    private final class Listener implements ConsumerRebalanceListener {
        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> parts) {
            Map<Integer, Long> at = new HashMap<>();
            for (TopicPartition tp : parts) {
                try {
                    at.put(tp.partition(), consumer.position(tp, Duration.ofSeconds(10)));
                } catch (KafkaException e) {
                    at.put(tp.partition(), 0L); // only the committed offset of an intent's transaction: not read by anyone
                }
            }
            synchronized (DeliverGroup.this) {
                for (TopicPartition tp : parts) {
                    owned.add(tp.partition());
                    newlyOwned.add(tp.partition());
                }
                positions.putAll(at);
                generation = consumer.groupMetadata();
            }
            if (!parts.isEmpty()) log.info("Delivering the subscribers of {} partitions {} (generation {})", Topics.SUBSCRIPTIONS,
                    partitionNumbers(parts), consumer.groupMetadata().generationId());
            firstAssignment.countDown();
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> parts) {
            if (parts.isEmpty()) return;
            Set<Integer> going = partitionNumbers(parts);
            boolean done = release(going);
            log.info("Subscribers of {} partitions {} handed over{}", Topics.SUBSCRIPTIONS, going,
                    done ? "" : " with sends still in progress after " + revokeWait.toMillis() + " ms: their intents are fenced");
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> parts) {
            // already someone else's (this member was dropped from the group): nothing to wait for
            Set<Integer> gone = partitionNumbers(parts);
            synchronized (DeliverGroup.this) {
                owned.removeAll(gone);
                newlyOwned.removeAll(gone);
            }
            log.warn("Subscribers of {} partitions {} lost: this instance was dropped from the deliver group", Topics.SUBSCRIPTIONS, gone);
        }
    }

    private static Set<Integer> partitionNumbers(Collection<TopicPartition> parts) {
        Set<Integer> out = new TreeSet<>();
        for (TopicPartition tp : parts) out.add(tp.partition());
        return out;
    }

    /** Stops claiming these partitions, then waits (within the bound) for the claims open on them. */
    private synchronized boolean release(Set<Integer> going) {
        owned.removeAll(going);
        newlyOwned.removeAll(going);
        if (crashed) return false;
        long deadline = System.nanoTime() + revokeWait.toNanos();
        while (going.stream().anyMatch(p -> claimsOpen.getOrDefault(p, 0) > 0)) {
            long left = deadline - System.nanoTime();
            if (left <= 0) return false;
            try {
                TimeUnit.NANOSECONDS.timedWait(this, left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    private void stop(String why) {
        synchronized (this) {
            if (stoppedWhy != null) return;
            stoppedWhy = why;
            owned.clear();
            newlyOwned.clear();
        }
        health.stopped(why);
        log.error("Deliver stage stopped: {}", why);
        onStopped.accept(why);
    }

    /** Waits until the group has given this instance its first assignment (possibly none); false when {@code timeout} passed. */
    public boolean awaitAssignment(Duration timeout) throws InterruptedException {
        return firstAssignment.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The partitions of {@code rxradar.subscriptions} whose subscribers this instance delivers now. */
    public synchronized Set<Integer> ownedPartitions() {
        return new TreeSet<>(owned);
    }

    public StageHealth health() {
        return health;
    }

    /** One line for {@code /health}. */
    public synchronized String describe() {
        if (stoppedWhy != null) return "stopped: " + stoppedWhy;
        if (generation == null) return "joining consumer group " + clients.groupId(STAGE);
        return "subscribers of " + Topics.SUBSCRIPTIONS + " partitions " + owned + " of " + partitions + " (group " + clients.groupId(STAGE)
                + ", generation " + generation.generationId() + ")";
    }

    // DeliverStage.Ownership

    @Override
    public synchronized boolean owns(String subscriberId) {
        int p = partitionOf(subscriberId);
        return owned.contains(p) && !newlyOwned.contains(p);
    }

    @Override
    public int partitionOf(String subscriberId) {
        return DigestLog.partitionOf(subscriberId, partitions);
    }

    @Override
    public synchronized Set<Integer> newlyOwned() {
        return new TreeSet<>(newlyOwned);
    }

    @Override
    public synchronized void takenOver(Set<Integer> parts) {
        newlyOwned.removeAll(parts);
    }

    @Override
    public synchronized DeliverStage.Claim claim(String subscriberId) {
        int p = partitionOf(subscriberId);
        if (!owned.contains(p) || newlyOwned.contains(p) || generation == null) return null;
        claimsOpen.merge(p, 1, Integer::sum);
        return new Lease(p, generation, positions.getOrDefault(p, 0L));
    }

    /** A claim: the partition and the generation in which this instance owned it. */
    private final class Lease implements DeliverStage.Claim {
        private final int partition;
        private final ConsumerGroupMetadata owner;
        private final long offset;
        private boolean closed;

        Lease(int partition, ConsumerGroupMetadata owner, long offset) {
            this.partition = partition;
            this.owner = owner;
            this.offset = offset;
        }

        @Override
        public void recordIntent(DigestRecord intent) {
            digests.record(intent, this::write);
        }

        /** The intent and the group's offset in one transaction, refused once the group has moved on. */
        private RecordMetadata write(ProducerRecord<String, byte[]> record) {
            synchronized (transactions) {
                if (stoppedWhy() != null) throw new BusException("not recorded: the deliver stage stopped (" + stoppedWhy() + ")");
                try {
                    if (producer == null) producer = newProducer();
                    producer.beginTransaction();
                    Future<RecordMetadata> ack = producer.send(record);
                    producer.flush();
                    // in the log before the coordinator is asked: a new owner, which reads up to the log's end
                    // once the group has moved on, then sees this intent if its transaction commits
                    RecordMetadata at = ack.get(30, TimeUnit.SECONDS);
                    producer.sendOffsetsToTransaction(Map.of(new TopicPartition(Topics.SUBSCRIPTIONS, partition), new OffsetAndMetadata(offset)),
                            owner);
                    producer.commitTransaction();
                    return at;
                } catch (ExecutionException e) {
                    throw failed(record, e.getCause() != null ? e.getCause() : e);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw failed(record, e);
                } catch (Exception e) {
                    throw failed(record, e);
                }
            }
        }

        private BusException failed(ProducerRecord<String, byte[]> record, Throwable e) {
            if (producerFenced(e)) {
                stop("fenced: another instance with the same id took over (transactional id " + transactionalId + ": "
                        + StageHealth.oneLine(e) + ")");
                closeProducer();
                return new BusException("intent of " + record.key() + " not recorded: this instance was fenced", e);
            }
            abortOrClose();
            // CommitFailedException, FencedInstanceIdException: the group moved on (or this member rejoined); the next check decides
            return new BusException("intent of " + record.key() + " not recorded (partition " + partition + " of " + Topics.SUBSCRIPTIONS
                    + ", generation " + owner.generationId() + "): " + StageHealth.oneLine(e), e);
        }

        @Override
        public void close() {
            synchronized (DeliverGroup.this) {
                if (closed) return;
                closed = true;
                claimsOpen.merge(partition, -1, Integer::sum);
                DeliverGroup.this.notifyAll();
            }
        }
    }

    private synchronized String stoppedWhy() {
        return stoppedWhy;
    }

    private static boolean producerFenced(Throwable e) {
        for (Throwable c = e; c != null; c = c.getCause() == c ? null : c.getCause())
            if (c instanceof ProducerFencedException || c instanceof InvalidProducerEpochException) return true;
        return false;
    }

    // holding the transactions lock: a producer that cannot abort is closed; the next write opens a new
    // one, whose initTransactions aborts what this one left open
    private void abortOrClose() {
        if (producer == null) return;
        try {
            producer.abortTransaction();
        } catch (KafkaException | IllegalStateException e) {
            log.warn("Deliver producer cannot abort ({}); opening a new one for the next intent", e.toString());
            closeProducer();
        }
    }

    private void closeProducer() {
        try {
            if (producer != null) producer.close(Duration.ZERO);
        } catch (RuntimeException e) {
            log.debug("deliver producer close: {}", e.toString());
        }
        producer = null;
    }

    /**
     * For tests: stops as a killed process would, without leaving the group (its partitions move when its
     * session times out) or waiting for its sends; a transaction in progress is left open.
     */
    void crash() {
        crashed = true;
        synchronized (this) {
            owned.clear();
            newlyOwned.clear();
        }
        close();
    }

    /** Leaves the group (the rebalance waits for the sends in progress, within {@link #REVOKE_WAIT}), then closes the producer. */
    @Override
    public void close() {
        loop.stop();
        try {
            thread.join(revokeWait.toMillis() + 10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (transactions) {
            if (producer != null) producer.close(crashed ? Duration.ZERO : Duration.ofSeconds(5));
            producer = null;
        }
    }
}
