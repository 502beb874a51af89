package org.rxradar.fetch;

import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reports a fetch pass while it runs: on a terminal a one-line progress bar redrawn in place (on
 * standard error, so standard output stays the command's result); otherwise, as in a log file or
 * under cron, a log line every {@link #LOG_EVERY}. A pass that ends before the first report says
 * nothing more than its summary.
 */
final class FetchProgress implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(FetchProgress.class);
    static final Duration LOG_EVERY = Duration.ofSeconds(10);
    private static final Duration REDRAW_EVERY = Duration.ofMillis(500);
    private static final int BAR_WIDTH = 30;

    private final int total;
    private final long start = System.nanoTime();
    private final AtomicInteger done = new AtomicInteger();
    private final AtomicInteger errors = new AtomicInteger();
    private final AtomicLong items = new AtomicLong();
    private final PrintStream terminal; // null: log lines
    private final ScheduledExecutorService ticker;
    private volatile boolean drawn;

    private FetchProgress(int total, PrintStream terminal) {
        this.total = total;
        this.terminal = terminal;
        this.ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "rxradar-fetch-progress");
            t.setDaemon(true);
            return t;
        });
        Duration every = terminal != null ? REDRAW_EVERY : LOG_EVERY;
        ticker.scheduleAtFixedRate(this::report, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Progress of a pass of {@code total} sources: a bar when this process has a terminal, log lines otherwise. */
    static FetchProgress start(int total) {
        return new FetchProgress(total, System.console() != null ? System.err : null);
    }

    /** One source's poll ended. */
    void done(SourceReport r) {
        items.addAndGet(r.found());
        if (r.failed()) errors.incrementAndGet();
        done.incrementAndGet();
    }

    ProgressLine now() {
        return new ProgressLine(done.get(), total, items.get(), errors.get(), Duration.ofNanos(System.nanoTime() - start));
    }

    private void report() {
        ProgressLine p = now();
        if (terminal != null) {
            terminal.print("\r" + p.bar(BAR_WIDTH));
            terminal.flush();
            drawn = true;
        } else if (p.done() < p.total()) {
            log.info(p.text());
        }
    }

    @Override
    public void close() {
        ticker.shutdownNow();
        try {
            ticker.awaitTermination(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (terminal != null && drawn) {
            terminal.println("\r" + now().bar(BAR_WIDTH)); // the last state, and the line ended
            terminal.flush();
        }
    }
}
