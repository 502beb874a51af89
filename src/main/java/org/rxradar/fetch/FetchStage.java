package org.rxradar.fetch;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.rxradar.config.RxRadarConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The fetch stage: polls sources in parallel on a bounded pool and stores each poll (its new and
 * changed items with the source's state) through a {@link PollSink}. {@link #runOnce()} fetches a
 * set of sources once; {@link #startSource} polls one source on its own interval (with jitter and
 * error backoff) until {@link #stopSource} or {@link #close()}.
 *
 * <p>Which sources: run alone ({@link #FetchStage(RxRadarConfig, ItemSink)}, without Kafka) every
 * enabled source of the configuration; in the pipeline, the sources of the {@code rxradar.sources}
 * partitions this instance owns, started and stopped by {@link FetchGroup} as partitions move.
 */
public final class FetchStage implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(FetchStage.class);
    /** A poll that could not be stored (Kafka failed, a rebalance came first) is tried again this soon. */
    static final Duration STORE_RETRY = Duration.ofSeconds(5);
    /** A poll skipped because the source's previous poll was still running is tried again this soon. */
    private static final Duration SKIPPED_RETRY = Duration.ofSeconds(1);
    /**
     * Workers per fetch slot: {@code fetch.threads} sources are fetched at once (see {@link FetchSlots}),
     * and the other workers' polls (three per slot) wait meanwhile for their transaction to commit.
     */
    static final int WORKERS_PER_SLOT = 4;

    private final RxRadarConfig config;
    private final SourceFetcher fetcher;
    private final FetchSlots slots;
    private final ExecutorService workers;
    private final ScheduledExecutorService timer;
    // a source is never fetched twice at once (state is per source, owned by one worker)
    private final ConcurrentHashMap<String, Boolean> running = new ConcurrentHashMap<>();
    // the sources being polled, each with the token of its current start: a stopped source's pending
    // polls see another token (or none) and do not reschedule
    private final ConcurrentHashMap<String, Object> polling = new ConcurrentHashMap<>();
    private final FirstPass firstPass = new FirstPass();
    private volatile boolean closed;

    /** The stage run without Kafka: every enabled source, items to {@code sink}, states in files in {@code fetch.state-dir}. */
    public FetchStage(RxRadarConfig config, ItemSink sink) {
        this(config, new SourceFetcher(config.fetch(), new HttpFetcher(config.fetch()),
                new FetchStateStore(Path.of(config.fetch().stateDir())), sink));
    }

    FetchStage(RxRadarConfig config, SourceFetcher fetcher) {
        this.config = config;
        for (RxRadarConfig.Source s : config.sources()) {
            try {
                SelectorScraper.validate(s.selectors());
            } catch (IllegalArgumentException e) {
                // reported on every poll of that source; the other sources run regardless
                log.error("source {}: {}", s.id(), e.getMessage());
            }
        }
        RxRadarConfig.Fetch f = config.fetch();
        this.fetcher = fetcher;
        this.slots = new FetchSlots(f.threads());
        this.workers = Executors.newFixedThreadPool(Math.max(1, f.threads()) * WORKERS_PER_SLOT, named("rxradar-fetch"));
        this.timer = Executors.newSingleThreadScheduledExecutor(named("rxradar-fetch-timer"));
    }

    SourceFetcher fetcher() {
        return fetcher;
    }

    /** Fetch slots free now (tests). */
    int freeSlots() {
        return slots.free();
    }

    /** Fetches every enabled source of the configuration once and waits for all of them. */
    public FetchReport runOnce() {
        return runOnce(enabledSources());
    }

    /** Fetches these sources once and waits for all of them. */
    public FetchReport runOnce(List<RxRadarConfig.Source> sources) {
        long start = System.nanoTime();
        PassEstimate.of(sources, config.fetch().perHostDelay()).warning().ifPresent(log::warn);
        List<Future<SourceReport>> futures = new ArrayList<>();
        List<SourceReport> reports = new ArrayList<>();
        try (FetchProgress progress = FetchProgress.start(sources.size())) {
            for (RxRadarConfig.Source s : sources) {
                futures.add(workers.submit(() -> {
                    SourceReport r = fetchGuarded(s);
                    progress.done(r);
                    return r;
                }));
            }
            collect(sources, futures, reports);
        }
        FetchReport report = new FetchReport(reports, Duration.ofNanos(System.nanoTime() - start));
        log.info("fetched {} sources in {} ms: {} items found, {} published, {} failed", reports.size(),
                report.elapsed().toMillis(), report.found(), report.published(), report.failed());
        return report;
    }

    private static void collect(List<RxRadarConfig.Source> sources, List<Future<SourceReport>> futures, List<SourceReport> reports) {
        for (int i = 0; i < futures.size(); i++) {
            try {
                reports.add(futures.get(i).get());
            } catch (ExecutionException e) {
                reports.add(SourceReport.error(sources.get(i).id(), SourceReport.Status.ERROR, "unexpected: " + e.getCause(), null));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
    }

    /** Starts polling every enabled source of the configuration: each first within a short random delay, then on its own interval. */
    public void start() {
        List<RxRadarConfig.Source> sources = enabledSources();
        PassEstimate.of(sources, config.fetch().perHostDelay()).warning().ifPresent(log::warn);
        firstPass.arm(sources.stream().map(RxRadarConfig.Source::id).toList());
        for (RxRadarConfig.Source s : sources) startSource(s);
        log.info("fetch stage polling {} sources with {} workers", sources.size(), config.fetch().threads());
    }

    /**
     * Polls {@code s} on its interval from now on, its first poll within a short random delay (or
     * when the Retry-After its state holds ends). Starting a source already polled restarts it
     * with this configuration.
     */
    public void startSource(RxRadarConfig.Source s) {
        if (closed) return;
        Object token = new Object();
        polling.put(s.id(), token);
        long firstMs = (long) (ThreadLocalRandom.current().nextDouble() * Math.min(s.interval().toMillis(), 10_000));
        Instant notBefore = fetcher.state(s).retryNotBefore; // a Retry-After outlives a restart and a take-over
        if (notBefore != null) {
            firstMs = Math.max(firstMs, Duration.between(Instant.now(), notBefore).toMillis());
            firstPass.done(s.id()); // the server asked us to wait: not part of the first pass
        }
        schedule(s, token, firstMs);
    }

    /**
     * Stops polling {@code sourceId}: no poll of it starts after this. A poll already running ends
     * on its own; in the pipeline its result is then refused by the sink, the source having moved.
     */
    public void stopSource(String sourceId) {
        polling.remove(sourceId);
        firstPass.done(sourceId); // no longer this stage's to poll
    }

    /** The ids of the sources being polled. */
    public Set<String> polled() {
        return Set.copyOf(polling.keySet());
    }

    /**
     * From now on {@link #awaitFirstPass} waits for these sources' first poll (fetched, failed or
     * paused; stored), or until they are stopped. Before it is armed, it waits for it to be.
     */
    void armFirstPass(Collection<String> sourceIds) {
        firstPass.arm(sourceIds);
    }

    /**
     * Waits until every source of the first pass (see {@link #start()}, {@link #armFirstPass}) has
     * had its first poll (fetched, failed or paused; its items stored), so the first digests can
     * include them.
     *
     * @return false when {@code timeout} passed first
     */
    public boolean awaitFirstPass(Duration timeout) throws InterruptedException {
        return firstPass.await(timeout);
    }

    /** Sources whose first poll has not ended yet. */
    public long firstPassPending() {
        return firstPass.pending();
    }

    private void schedule(RxRadarConfig.Source s, Object token, long delayMs) {
        if (closed || polling.get(s.id()) != token) return;
        try {
            timer.schedule(() -> submit(s, token), Math.max(0, delayMs), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // closing
        }
    }

    private void submit(RxRadarConfig.Source s, Object token) {
        if (closed || polling.get(s.id()) != token) return;
        try {
            workers.execute(() -> poll(s, token));
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // closing
        }
    }

    private void poll(RxRadarConfig.Source s, Object token) {
        if (closed || polling.get(s.id()) != token) return;
        SourceReport report;
        try {
            report = fetchGuarded(s);
        } finally {
            if (polling.get(s.id()) == token) firstPass.done(s.id());
        }
        if (closed || polling.get(s.id()) != token) return;
        switch (report.status()) {
            case PAUSED -> {
                return;
            }
            case NOT_STORED -> {
                schedule(s, token, Math.min(STORE_RETRY.toMillis(), s.interval().toMillis()));
                return;
            }
            case SKIPPED -> {
                schedule(s, token, SKIPPED_RETRY.toMillis());
                return;
            }
            default -> { }
        }
        SourceState state = fetcher.state(s);
        if (state.paused) return;
        Duration next = SourceFetcher.nextDelay(s, state, report, ThreadLocalRandom.current().nextDouble());
        schedule(s, token, next.toMillis());
    }

    private SourceReport fetchGuarded(RxRadarConfig.Source s) {
        if (running.putIfAbsent(s.id(), Boolean.TRUE) != null) {
            return SourceReport.error(s.id(), SourceReport.Status.SKIPPED, "already being fetched", null);
        }
        try {
            slots.take();
            return fetcher.fetch(s, slots::giveBack); // the slot is free again while the poll is stored
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // closing
            return SourceReport.error(s.id(), SourceReport.Status.ERROR, "interrupted before it was fetched", null);
        } catch (RuntimeException e) {
            log.warn("source {}: unexpected failure", s.id(), e);
            return SourceReport.error(s.id(), SourceReport.Status.ERROR, "unexpected: " + e, null);
        } finally {
            slots.giveBack();
            running.remove(s.id());
        }
    }

    private List<RxRadarConfig.Source> enabledSources() {
        return config.sources().stream().filter(RxRadarConfig.Source::enabled).toList();
    }

    @Override
    public void close() {
        closed = true;
        polling.clear();
        timer.shutdownNow();
        workers.shutdownNow();
        try {
            workers.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static java.util.concurrent.ThreadFactory named(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /**
     * The sources whose first poll the first digest check waits for. Not armed until the stage
     * knows them (in the pipeline: the first partition assignment), so a check that starts earlier
     * waits for that too.
     */
    private static final class FirstPass {
        private final Set<String> pending = new HashSet<>();
        private boolean armed;

        synchronized void arm(Collection<String> ids) {
            if (armed) return;
            armed = true;
            pending.addAll(ids);
            notifyAll();
        }

        synchronized void done(String id) {
            if (pending.remove(id) && pending.isEmpty()) notifyAll();
        }

        synchronized long pending() {
            return pending.size();
        }

        synchronized boolean await(Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (!armed || !pending.isEmpty()) {
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left <= 0) return false;
                wait(left);
            }
            return true;
        }
    }
}
