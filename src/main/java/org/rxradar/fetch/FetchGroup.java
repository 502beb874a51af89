package org.rxradar.fetch;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.WakeupException;
import org.rxradar.bus.BusException;
import org.rxradar.bus.CompactedSnapshot;
import org.rxradar.bus.KafkaClients;
import org.rxradar.bus.Partitions;
import org.rxradar.bus.PollLoop;
import org.rxradar.bus.StageHealth;
import org.rxradar.bus.Topics;
import org.rxradar.config.RxRadarConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetching shared among instances by partition. This instance is a member of the fetch consumer
 * group ({@code <prefix>.fetch}) on {@code rxradar.sources}; it polls exactly the sources of the
 * partitions it is assigned, started and stopped in the rebalance listener:
 * <ul>
 *   <li><b>assigned</b>: wait until no transaction of the previous owner that committed offsets for
 *       those partitions is still open (a stable offset fetch, KIP-447); read the partitions'
 *       sources and their states (the same partitions of {@code rxradar.fetch.state}) to their end;
 *       start polling them. A new owner resumes where the old one stopped: validators, seen ids,
 *       pause and Retry-After come with the state.</li>
 *   <li><b>revoked</b> (or lost): stop polling those sources, then wait for the writer's transaction
 *       in progress, after which no transaction of this instance holds them (see {@link FetchWriter}).</li>
 *   <li>a source record that changes while owned (the file changed, another instance started with
 *       it) restarts that source; a tombstone stops it.</li>
 * </ul>
 * Each poll's items and state are stored in one transaction with this member's group metadata, so
 * a member of an older generation, or a second process with this instance's id, cannot store one.
 * One instance owns every partition, so it behaves as the single process did.
 */
public final class FetchGroup implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(FetchGroup.class);
    public static final String STAGE = "fetch";
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(60);
    /** How long {@link #runOnce()} waits for its last transaction's commit markers (written by the broker after the commit returns). */
    private static final Duration VISIBLE_TIMEOUT = Duration.ofSeconds(30);
    /** How long {@link #runOnce()} waits to join the group and be given partitions. */
    private static final Duration JOIN_TIMEOUT = Duration.ofSeconds(120);

    private final RxRadarConfig config;
    private final KafkaClients clients;
    /** The configuration's own sources by id: where an owned source's API key comes from. */
    private final Map<String, RxRadarConfig.Source> local = new HashMap<>();
    private final StageHealth health = new StageHealth(STAGE);
    private final SourceFetcher fetcher;
    private final FetchWriter writer;
    private final FetchStage stage;
    private final KafkaConsumer<String, byte[]> consumer; // the poll thread's only
    private final KafkaConsumer<String, byte[]> reader;   // the poll thread's only: restores
    private final int partitionCount;
    /** Owned partitions of rxradar.sources, each with its sources by id. */
    private final Map<Integer, Map<String, RxRadarConfig.Source>> owned = new ConcurrentHashMap<>();
    private final Map<String, Integer> partitionOf = new ConcurrentHashMap<>();
    /** How far this member has read each owned partition: the offsets its transactions commit. */
    private final Map<Integer, Long> positions = new ConcurrentHashMap<>();
    private final CountDownLatch firstAssignment = new CountDownLatch(1);
    private final Object startLock = new Object();
    private volatile ConsumerGroupMetadata groupMetadata;
    private volatile boolean polling; // start(): owned sources are polled on their interval
    private volatile boolean running = true;
    private volatile boolean stalled; // tests: the poll thread stops calling poll(), as in a long GC pause
    private Thread thread;

    /**
     * The fetch stage of the instance {@code clients} belong to (they must carry an instance id: the
     * transactional id is {@code <prefix>-fetch-<instance.id>}). Joins the group on {@link #start()} or
     * {@link #runOnce()}.
     *
     * @throws BusException when {@code rxradar.sources} and {@code rxradar.fetch.state} do not have the
     *                      same number of partitions (a source's state would not be where its owner reads)
     */
    public FetchGroup(RxRadarConfig config, KafkaClients clients) {
        this.config = config;
        this.clients = clients;
        for (RxRadarConfig.Source s : config.sources()) local.put(s.id(), s);
        this.reader = clients.reader("rxradar-fetch-restore-" + clients.instanceId());
        try {
            int sources = Partitions.of(reader, Topics.SOURCES, READ_TIMEOUT).size();
            int states = Partitions.of(reader, Topics.FETCH_STATE, READ_TIMEOUT).size();
            if (sources != states)
                throw new BusException(Topics.SOURCES + " has " + sources + " partitions and " + Topics.FETCH_STATE + " " + states
                        + ": they must have the same number, so that a source's state is in its partition number; "
                        + "add partitions to the smaller one (kafka-topics --alter --partitions " + Math.max(sources, states) + ")");
            this.partitionCount = sources;
            this.writer = new FetchWriter(clients, new Owner(), (id, s) -> fetcher().isCurrent(id, s), health, this::stopOnFatal);
        } catch (RuntimeException e) {
            reader.close();
            throw e;
        }
        RxRadarConfig.Fetch f = config.fetch();
        this.fetcher = new SourceFetcher(f, new HttpFetcher(f), FetchStateStore.legacy(Path.of(f.stateDir())), writer);
        this.stage = new FetchStage(config, fetcher);
        this.consumer = clients.consumer(STAGE, "rxradar-fetch-" + clients.instanceId());
    }

    private SourceFetcher fetcher() {
        return fetcher;
    }

    /** Joins the group and polls the owned sources on their intervals until {@link #close()}. */
    public void start() {
        polling = true;
        join();
        // sources assigned before this call (a runOnce() first) start now; later ones start on assignment
        synchronized (startLock) {
            owned.values().forEach(m -> m.values().forEach(this::startIfEnabled));
        }
    }

    /**
     * Joins the group if not yet a member, waits for its partitions, and fetches each source they
     * hold once ({@code run --once}). With no other instance running that is every source.
     */
    public FetchReport runOnce() {
        join();
        try {
            if (!firstAssignment.await(JOIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS))
                throw new BusException("the fetch group " + clients.groupId(STAGE) + " assigned no partitions within " + JOIN_TIMEOUT.toSeconds() + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BusException("interrupted while joining the fetch group", e);
        }
        String stopped = health.state().stopped();
        if (stopped != null) throw new BusException("the fetch stage stopped: " + stopped);
        List<RxRadarConfig.Source> mine = new ArrayList<>();
        synchronized (startLock) {
            owned.values().forEach(m -> m.values().stream().filter(RxRadarConfig.Source::enabled).forEach(mine::add));
        }
        FetchReport report = stage.runOnce(mine);
        try {
            if (!writer.awaitVisible(VISIBLE_TIMEOUT)) log.warn("fetch: items committed {} s ago are not visible to readers yet", VISIBLE_TIMEOUT.toSeconds());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return report; // what it published is visible to the tagger now
    }

    /**
     * Waits until every source of this instance's first assignment has had its first poll (see
     * {@link FetchStage#awaitFirstPass}) and what those polls published is visible to the tagger.
     *
     * @return false when {@code timeout} passed first
     */
    public boolean awaitFirstPass(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        return stage.awaitFirstPass(timeout) && writer.awaitVisible(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
    }

    /** Raw items published (committed) so far by this instance. */
    public long publishedCount() {
        return writer.publishedCount();
    }

    /** Transactions committed so far (tests, benchmarks). */
    long transactionCount() {
        return writer.transactionCount();
    }

    /** Transactions the group coordinator refused because this member's generation was over (see {@link FetchWriter}). */
    long refusedCount() {
        return writer.refusedCount();
    }

    /** Why the last refused transaction was refused; null when none was. */
    String lastRefusal() {
        return writer.lastRefusal();
    }

    /** The sources this instance owns now, by id. */
    public Set<String> ownedSources() {
        return Set.copyOf(partitionOf.keySet());
    }

    /** The {@code rxradar.sources} partitions this instance owns now. */
    public java.util.SortedSet<Integer> ownedPartitions() {
        return java.util.Collections.unmodifiableSortedSet(new TreeSet<>(owned.keySet()));
    }

    /** The writer's transactions and the group member's polls, for {@code /health}; stopped when fenced. */
    public StageHealth health() {
        return health;
    }

    /** For binding metrics only. */
    public org.apache.kafka.clients.producer.Producer<String, byte[]> kafkaProducer() {
        return writer.kafkaProducer();
    }

    /** For binding metrics only ({@code metrics()} is thread-safe; nothing else is). */
    public org.apache.kafka.clients.consumer.Consumer<String, byte[]> kafkaConsumer() {
        return consumer;
    }

    /** Joins the group without polling anything yet (tests: let several instances settle their assignment first). */
    synchronized void join() {
        if (thread != null) return;
        thread = new Thread(this::loop, "rxradar-fetch-group");
        thread.setDaemon(true);
        thread.start();
    }

    private void loop() {
        try {
            consumer.subscribe(List.of(Topics.SOURCES), clients.ownership().listener(STAGE, new Listener()));
            while (running) {
                if (stalled) {
                    sleep(100);
                    continue;
                }
                try {
                    for (ConsumerRecord<String, byte[]> r : consumer.poll(POLL)) apply(r);
                    groupMetadata = consumer.groupMetadata();
                } catch (WakeupException e) {
                    // close(): running is false
                } catch (KafkaException e) {
                    if (PollLoop.isFatal(e)) {
                        String why = PollLoop.whyFatal(e);
                        health.stopped(why);
                        log.error("fetch stopped, it cannot go on: {}", why);
                        stopOnFatal();
                        return;
                    }
                    log.warn("fetch group: {}; polling again", StageHealth.oneLine(e));
                    sleep(1_000);
                }
            }
        } catch (RuntimeException e) {
            health.stopped("crashed: " + StageHealth.oneLine(e));
            log.error("fetch group stopped", e);
            stopOnFatal();
        } finally {
            // a clean stop leaves the group at once (the listener gives the partitions up first)
            KafkaClients.closeLeavingGroup(consumer, Duration.ofSeconds(10));
            reader.close(KafkaClients.READER_CLOSE);
        }
    }

    /** A change to an owned partition's source: restart it with its new configuration, or stop it (tombstone). */
    private void apply(ConsumerRecord<String, byte[]> r) {
        Map<String, RxRadarConfig.Source> sources = owned.get(r.partition());
        if (sources == null || r.key() == null) return;
        positions.put(r.partition(), r.offset() + 1);
        String id = r.key();
        RxRadarConfig.Source before = sources.get(id);
        RxRadarConfig.Source now = r.value() == null ? null : withLocalKey(SourceLog.parse(id, r.value()));
        if (r.value() != null && now == null) return; // unreadable: keep what there is
        if (now != null && now.equals(before)) return;
        synchronized (startLock) {
            if (now == null) {
                sources.remove(id);
                partitionOf.remove(id);
                stage.stopSource(id);
                log.info("source {} removed: no longer polled", id);
            } else {
                sources.put(id, now);
                partitionOf.put(id, r.partition());
                if (before != null) stage.stopSource(id);
                startIfEnabled(now);
                log.info("source {} {}", id, before == null ? "added" : "changed: polled with its new configuration");
            }
        }
        clients.ownership().count(STAGE, "sources", partitionOf.size());
    }

    private void startIfEnabled(RxRadarConfig.Source s) {
        if (polling && s.enabled()) stage.startSource(s);
    }

    // the API key is not in Kafka: the one of this instance's configuration for that source, if any
    private RxRadarConfig.Source withLocalKey(RxRadarConfig.Source s) {
        if (s == null) return null;
        RxRadarConfig.Source mine = local.get(s.id());
        return mine == null || mine.apiKey() == null ? s : SourceLog.withApiKey(s, mine.apiKey());
    }

    /**
     * Fenced or otherwise unable to go on: nothing is polled any more, and the member leaves the
     * group so that the others take its sources; {@link #health()} says why.
     */
    private void stopOnFatal() {
        polling = false;
        for (String id : stage.polled()) stage.stopSource(id);
        running = false;
        consumer.wakeup(); // thread-safe: the poll thread ends its loop and leaves the group
    }

    private final class Listener implements ConsumerRebalanceListener {
        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            long start = System.nanoTime();
            groupMetadata = consumer.groupMetadata(); // this generation's, for the transactions of the sources started next
            List<RxRadarConfig.Source> added = partitions.isEmpty() ? List.of() : restore(partitions);
            stage.armFirstPass(added.stream().filter(RxRadarConfig.Source::enabled).map(RxRadarConfig.Source::id).toList()); // the first assignment only
            synchronized (startLock) {
                for (RxRadarConfig.Source s : added) if (partitionOf.containsKey(s.id())) startIfEnabled(s);
            }
            if (polling) PassEstimate.of(added.stream().filter(RxRadarConfig.Source::enabled).toList(), config.fetch().perHostDelay())
                    .warning().ifPresent(log::warn);
            clients.ownership().count(STAGE, "sources", partitionOf.size());
            firstAssignment.countDown();
            if (!partitions.isEmpty())
                log.info("fetch: now owns partitions {} of {} with {} sources (took over in {} ms)", ownedPartitions(), Topics.SOURCES,
                        partitionOf.size(), (System.nanoTime() - start) / 1_000_000);
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            giveUp(partitions, "revoked");
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            giveUp(partitions, "lost");
        }
    }

    /** Takes the partitions over: their sources and the sources' states, read to the end. Returns the sources (not started yet). */
    private List<RxRadarConfig.Source> restore(Collection<TopicPartition> partitions) {
        Set<TopicPartition> sourceParts = new HashSet<>(partitions);
        // KIP-447: a previous owner's transaction that already committed offsets for these partitions
        // may still be open; the stable offset fetch waits for it to commit or abort, so the states
        // read next include what it stored
        awaitStableOffsets(sourceParts);
        List<TopicPartition> both = new ArrayList<>(sourceParts);
        for (TopicPartition tp : sourceParts) both.add(new TopicPartition(Topics.FETCH_STATE, tp.partition()));
        CompactedSnapshot snap = CompactedSnapshot.read(reader, both, READ_TIMEOUT);
        List<RxRadarConfig.Source> added = new ArrayList<>();
        synchronized (startLock) {
            for (TopicPartition tp : sourceParts) {
                int p = tp.partition();
                Map<String, RxRadarConfig.Source> sources = new LinkedHashMap<>();
                snap.values().get(tp).forEach((id, value) -> {
                    RxRadarConfig.Source s = withLocalKey(SourceLog.parse(id, value));
                    if (s != null) sources.put(id, s);
                });
                Map<String, SourceState> states = StateRecords.read(snap.values().get(new TopicPartition(Topics.FETCH_STATE, p)));
                fetcher.restore(sources.keySet(), states);
                long end = snap.ends().getOrDefault(tp, 0L);
                consumer.seek(tp, end); // from here on the group consumer reads changes only
                positions.put(p, end);
                owned.put(p, sources);
                sources.keySet().forEach(id -> partitionOf.put(id, p));
                added.addAll(sources.values());
            }
        }
        return added;
    }

    private void awaitStableOffsets(Set<TopicPartition> partitions) {
        long deadline = System.nanoTime() + READ_TIMEOUT.toNanos();
        while (true) {
            try {
                consumer.committed(partitions, Duration.ofSeconds(20));
                return;
            } catch (TimeoutException e) {
                if (System.nanoTime() > deadline) throw e;
                log.info("fetch: waiting for the previous owner's open transaction on {} to end", partitions);
            }
        }
    }

    private void giveUp(Collection<TopicPartition> partitions, String how) {
        List<String> ids = new ArrayList<>();
        synchronized (startLock) {
            for (TopicPartition tp : partitions) {
                Map<String, RxRadarConfig.Source> sources = owned.remove(tp.partition());
                positions.remove(tp.partition());
                if (sources == null) continue;
                for (String id : sources.keySet()) {
                    partitionOf.remove(id);
                    stage.stopSource(id);
                    ids.add(id);
                }
            }
        }
        // no transaction holding those sources is open after this, nor will be (the writer checks ownership)
        writer.awaitIdle();
        fetcher.forget(ids);
        clients.ownership().count(STAGE, "sources", partitionOf.size());
        if (!partitions.isEmpty()) log.info("fetch: partitions {} {}, {} sources given up", partitionNumbers(partitions), how, ids.size());
    }

    private static List<Integer> partitionNumbers(Collection<TopicPartition> partitions) {
        return partitions.stream().map(TopicPartition::partition).sorted().toList();
    }

    private final class Owner implements FetchWriter.Owner {
        @Override
        public int ownedPartition(String sourceId) {
            Integer p = partitionOf.get(sourceId);
            return p == null ? -1 : p;
        }

        @Override
        public Map<TopicPartition, OffsetAndMetadata> offsets(Set<Integer> partitions) {
            Map<TopicPartition, OffsetAndMetadata> out = new HashMap<>();
            for (int p : partitions) {
                Long at = positions.get(p);
                if (at != null) out.put(new TopicPartition(Topics.SOURCES, p), new OffsetAndMetadata(at));
            }
            return out;
        }

        @Override
        public ConsumerGroupMetadata groupMetadata() {
            return groupMetadata;
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Stops polling, then leaves the group (its partitions move to the other instances at once), then
     * closes the writer.
     */
    @Override
    public void close() {
        polling = false;
        running = false;
        stage.close();
        Thread t;
        synchronized (this) {
            t = thread;
        }
        if (t != null) {
            consumer.wakeup();
            try {
                t.join(30_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        } else {
            consumer.close(Duration.ofSeconds(5));
            reader.close(KafkaClients.READER_CLOSE);
        }
        writer.close();
        clients.ownership().clear(STAGE);
    }

    int partitionCount() {
        return partitionCount;
    }

    /**
     * Tests: the group poll thread stops calling {@code poll()} (as in a long GC pause or a frozen
     * VM) while the fetch workers and the writer go on: past {@code max.poll.interval.ms} and the
     * session timeout the group gives this instance's partitions to another, and this one becomes a
     * zombie that still thinks it owns them. {@code false} lets it poll again.
     */
    void stallForTest(boolean stall) {
        stalled = stall;
    }
}
