package org.rxradar.fetch;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.rxradar.config.RxRadarConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The fetch stage: polls every enabled source, in parallel on a bounded pool, and hands new and
 * changed items to an {@link ItemSink}. {@link #runOnce()} fetches everything once; {@link #start()}
 * polls each source on its own interval (with jitter and error backoff) until {@link #close()}.
 */
public final class FetchStage implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(FetchStage.class);

    private final RxRadarConfig config;
    private final SourceFetcher fetcher;
    private final ExecutorService workers;
    private final ScheduledExecutorService timer;
    // a source is never fetched twice at once (state is per source, owned by one worker)
    private final ConcurrentHashMap<String, Boolean> running = new ConcurrentHashMap<>();
    private volatile boolean closed;
    /** Counts down as each source's first poll after {@link #start()} ends (whatever its outcome). */
    private volatile CountDownLatch firstPass = new CountDownLatch(0);

    public FetchStage(RxRadarConfig config, ItemSink sink) {
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
        HttpFetcher http = new HttpFetcher(f);
        this.fetcher = new SourceFetcher(f, http, new FetchStateStore(Path.of(f.stateDir())), sink);
        this.workers = Executors.newFixedThreadPool(Math.max(1, f.threads()), named("rxradar-fetch"));
        this.timer = Executors.newSingleThreadScheduledExecutor(named("rxradar-fetch-timer"));
    }

    /** Fetches every enabled source once and waits for all of them. */
    public FetchReport runOnce() {
        long start = System.nanoTime();
        List<Future<SourceReport>> futures = new ArrayList<>();
        for (RxRadarConfig.Source s : enabledSources()) futures.add(workers.submit(() -> fetchGuarded(s)));
        List<SourceReport> reports = new ArrayList<>();
        for (int i = 0; i < futures.size(); i++) {
            try {
                reports.add(futures.get(i).get());
            } catch (ExecutionException e) {
                reports.add(SourceReport.error(enabledSources().get(i).id(), SourceReport.Status.ERROR, "unexpected: " + e.getCause(), null));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        FetchReport report = new FetchReport(reports, Duration.ofNanos(System.nanoTime() - start));
        log.info("fetched {} sources in {} ms: {} items found, {} published, {} failed", reports.size(),
                report.elapsed().toMillis(), report.found(), report.published(), report.failed());
        return report;
    }

    /** Starts polling: each source first within a short random delay, then on its own interval. */
    public void start() {
        List<RxRadarConfig.Source> sources = enabledSources();
        CountDownLatch pass = new CountDownLatch(sources.size());
        firstPass = pass;
        for (RxRadarConfig.Source s : sources) {
            long firstMs = (long) (ThreadLocalRandom.current().nextDouble() * Math.min(s.interval().toMillis(), 10_000));
            java.time.Instant notBefore = fetcher.state(s).retryNotBefore; // a Retry-After outlives a restart
            Runnable polled = once(pass::countDown);
            if (notBefore != null) {
                firstMs = Math.max(firstMs, java.time.Duration.between(java.time.Instant.now(), notBefore).toMillis());
                polled.run(); // the server asked us to wait: not part of the first pass
            }
            timer.schedule(() -> submit(s, polled), firstMs, TimeUnit.MILLISECONDS);
        }
        log.info("fetch stage polling {} sources with {} workers", sources.size(), config.fetch().threads());
    }

    /**
     * Waits until every source polled by {@link #start()} has had its first poll (fetched, failed or
     * paused; its items acknowledged by the sink), so the first digests can include them.
     *
     * @return false when {@code timeout} passed first
     */
    public boolean awaitFirstPass(Duration timeout) throws InterruptedException {
        return firstPass.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Sources whose first poll after {@link #start()} has not ended yet. */
    public long firstPassPending() {
        return firstPass.getCount();
    }

    private void submit(RxRadarConfig.Source s, Runnable polled) {
        if (closed) return;
        workers.execute(() -> {
            SourceReport report;
            try {
                report = fetchGuarded(s);
            } finally {
                polled.run();
            }
            if (report.status() == SourceReport.Status.PAUSED || closed) return;
            SourceState state = fetcher.state(s);
            if (state.paused) return;
            Duration next = SourceFetcher.nextDelay(s, state, report, ThreadLocalRandom.current().nextDouble());
            if (!closed) timer.schedule(() -> submit(s, polled), next.toMillis(), TimeUnit.MILLISECONDS);
        });
    }

    /** {@code r} the first time it is run, nothing after. */
    private static Runnable once(Runnable r) {
        AtomicBoolean done = new AtomicBoolean();
        return () -> {
            if (done.compareAndSet(false, true)) r.run();
        };
    }

    private SourceReport fetchGuarded(RxRadarConfig.Source s) {
        if (running.putIfAbsent(s.id(), Boolean.TRUE) != null) {
            return SourceReport.error(s.id(), SourceReport.Status.SKIPPED, "already being fetched", null);
        }
        try {
            return fetcher.fetch(s);
        } catch (RuntimeException e) {
            log.warn("source {}: unexpected failure", s.id(), e);
            return SourceReport.error(s.id(), SourceReport.Status.ERROR, "unexpected: " + e, null);
        } finally {
            running.remove(s.id());
        }
    }

    private List<RxRadarConfig.Source> enabledSources() {
        return config.sources().stream().filter(RxRadarConfig.Source::enabled).toList();
    }

    @Override
    public void close() {
        closed = true;
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
}
