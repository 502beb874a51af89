package org.rxradar.app;

import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the first digest check after a start waits for, so that a start after a subscriber's send
 * time sends the day's digest with the day's items rather than recording "nothing new": the first
 * fetch pass, then the tagger catching up with what it published, then the tagged-item view
 * catching up with the tagger. Each step in turn, within one bound for all; past the bound the
 * check goes ahead with what there is, and a log line says which step it stopped waiting for.
 */
final class FirstDigestCheck {
    private static final Logger log = LoggerFactory.getLogger(FirstDigestCheck.class);
    static final Duration DEFAULT_BOUND = Duration.ofMinutes(10);

    /** One thing to wait for; returns false when {@code timeout} passed first. */
    @FunctionalInterface
    interface Wait {
        boolean await(Duration timeout) throws InterruptedException;
    }

    /** @param what names the step in the log ("the first fetch pass") */
    record Step(String what, Wait until) {}

    private final List<Step> steps;
    private final Duration bound;

    FirstDigestCheck(List<Step> steps, Duration bound) {
        this.steps = List.copyOf(steps);
        this.bound = bound;
    }

    /**
     * Waits for every step in turn, within the bound.
     *
     * @return true when all caught up; false when the bound passed, a step failed, or the thread was interrupted
     */
    boolean await() {
        long start = System.nanoTime();
        long deadline = start + bound.toNanos();
        log.info("First digest check waits for the first fetch pass and the tagger (at most {})", readable(bound));
        for (Step step : steps) {
            Duration left = Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
            boolean done;
            try {
                done = step.until().await(left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            } catch (RuntimeException e) {
                log.warn("First digest check: could not wait for {} ({}); checking digests now", step.what(), e.getMessage());
                return false;
            }
            if (!done) {
                log.warn("First digest check: still waiting for {} after {}; checking digests now with the items there are",
                        step.what(), readable(bound));
                return false;
            }
        }
        log.info("First fetch pass fetched and tagged in {}; checking digests", readable(Duration.ofNanos(System.nanoTime() - start)));
        return true;
    }

    private static String readable(Duration d) {
        return d.toMillis() < 10_000 ? d.toMillis() + " ms" : d.toSeconds() + " s";
    }
}
