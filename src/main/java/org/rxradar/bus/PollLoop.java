package org.rxradar.bus;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.InvalidOffsetException;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.FencedInstanceIdException;
import org.apache.kafka.common.errors.InvalidProducerEpochException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.UnsupportedVersionException;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one poll loop of the consuming stages (tagger, trend): polls, hands each batch to the stage,
 * and handles what goes wrong by kind, as Kafka's own examples do ({@code examples/Consumer.java},
 * {@code ExactlyOnceMessageProcessor.java}):
 * <ul>
 *   <li><b>fatal</b> (fenced by another instance with the same id, not authorised or authenticated,
 *       a broker too old): retrying cannot help, so the loop stops and {@link StageHealth} says why;</li>
 *   <li><b>no valid offset</b> (out of range after retention removed the records, or none at all):
 *       those partitions restart from their earliest record, which is what {@code auto.offset.reset}
 *       would do;</li>
 *   <li><b>any other {@link KafkaException}</b> (an aborted transaction, sends not acknowledged, a
 *       commit that failed): logged in one line and counted; the consumer goes back to its committed
 *       offsets so the batch is read again, after a pause that grows with the failures in a row.</li>
 * </ul>
 * A stage signals a batch that did not complete by throwing a {@link KafkaException} from
 * {@link Batches#process}, after undoing what it must (aborting its transaction); it commits offsets
 * only for batches that completed. Anything else escaping a batch (a bug) stops the stage too:
 * retrying the same records would fail the same way.
 */
public final class PollLoop {
    private static final Logger log = LoggerFactory.getLogger(PollLoop.class);
    private static final long MAX_PAUSE_MS = 5_000;

    /** What a stage does with one polled batch. */
    @FunctionalInterface
    public interface Batches {
        /** Processes the batch and commits its offsets; throws a {@link KafkaException} when the batch did not complete. */
        void process(ConsumerRecords<String, byte[]> records);
    }

    /** Thrown by {@link #drain} when the stage stopped on a fatal error. */
    public static final class StageStoppedException extends IllegalStateException {
        StageStoppedException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final String stage;
    private final Consumer<String, byte[]> consumer;
    private final Batches batches;
    private final StageHealth health;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private boolean mustRewind;
    private boolean inBatch;
    private boolean batchFailed;
    private RuntimeException fatal;

    public PollLoop(String stage, Consumer<String, byte[]> consumer, Batches batches, StageHealth health) {
        this.stage = stage;
        this.consumer = consumer;
        this.batches = batches;
        this.health = health;
    }

    public StageHealth health() {
        return health;
    }

    /** Polls and processes until {@link #stop()} is called from another thread, or a fatal error. */
    public void run(Duration pollTimeout) {
        try {
            while (running.get() && pollOnce(pollTimeout)) {
                // each turn is one poll and its batch
            }
            health.stopped(fatal != null ? StageHealth.oneLine(fatal) : "closed");
        } catch (Throwable t) { // an Error: record why the stage is gone before the thread ends
            health.stopped("crashed: " + StageHealth.oneLine(t));
            throw t;
        }
    }

    /**
     * Processes everything written to {@code topics} before this call ({@code run --once}). Failed
     * batches are retried until {@code timeout}; a fatal error ends the wait at once.
     */
    public void drain(List<String> topics, Duration timeout) {
        CatchUp target = CatchUp.endOffsets(consumer, topics);
        long deadline = System.nanoTime() + timeout.toNanos();
        do {
            if (!pollOnce(Duration.ofMillis(200))) {
                String why = stage + " stopped: " + whyFatal(fatal);
                if (health.state().fenced()) throw new InstanceFencedException(why, fatal);
                throw new StageStoppedException(why, fatal);
            }
            if (!mustRewind && target.reachedBy(consumer)) return;
        } while (System.nanoTime() < deadline);
        StageHealth.State s = health.state();
        throw new IllegalStateException(stage + " did not catch up with " + String.join(", ", topics) + " within " + timeout
                + (s.failuresInRow() > 0 ? "; last error: " + s.lastError() : ""));
    }

    /** Ends {@link #run} from another thread: the poll in progress returns at once. */
    public void stop() {
        if (running.compareAndSet(true, false)) consumer.wakeup();
    }

    /**
     * One poll and its batch, with the failure handling described above.
     *
     * @return false when the stage must stop (a fatal error)
     */
    boolean pollOnce(Duration pollTimeout) {
        inBatch = false;
        try {
            if (mustRewind) {
                Offsets.rewindToCommitted(consumer);
                mustRewind = false;
            }
            ConsumerRecords<String, byte[]> records = consumer.poll(pollTimeout);
            if (!records.isEmpty()) {
                inBatch = true;
                batches.process(records);
                inBatch = false;
                batchFailed = false;
                health.succeeded();
            } else if (!batchFailed) {
                health.succeeded(); // a poll that works ends a run of failed polls, but not of failed batches:
            }                       // an empty poll often follows the rewind, before the batch comes back
            return true;
        } catch (WakeupException e) {
            return true; // stop() was called: the caller sees running is false
        } catch (InvalidOffsetException e) {
            log.warn("{}: no valid committed offset for {} ({}); reading those partitions from their earliest record",
                    stage, e.partitions(), StageHealth.oneLine(e));
            consumer.seekToBeginning(e.partitions());
            return true;
        } catch (KafkaException e) {
            if (isFatal(e)) return stopOn(e);
            batchFailed = inBatch;
            inBatch = false;
            health.failed(e);
            mustRewind = true; // the batch is read again from the last commit
            int inRow = health.state().failuresInRow();
            log.warn("{}: batch failed ({} in a row), reading it again from the last commit: {}", stage, inRow, StageHealth.oneLine(e));
            pause(inRow);
            return true;
        } catch (RuntimeException e) {
            log.error("{}: unexpected failure, stage stopped", stage, e);
            return stopOn(e);
        }
    }

    private boolean stopOn(RuntimeException e) {
        fatal = e;
        running.set(false);
        String why = whyFatal(e);
        health.stopped(why);
        log.error("{} stopped, it cannot go on: {}", stage, why);
        return false;
    }

    /** What a person needs to know about a fatal error: what it means, then Kafka's words. */
    public static String whyFatal(Throwable e) {
        String words = StageHealth.oneLine(e);
        for (Throwable c = e; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof ProducerFencedException || c instanceof InvalidProducerEpochException || c instanceof FencedInstanceIdException)
                return StageHealth.FENCED + "another instance with the same id took over (" + words + ")";
            if (c instanceof AuthorizationException) return "not authorised: " + words;
            if (c instanceof AuthenticationException) return "authentication failed: " + words;
            if (c instanceof UnsupportedVersionException) return "the broker does not support this client: " + words;
        }
        return "unexpected error: " + words;
    }

    /** Errors that retrying cannot fix, anywhere in the cause chain (Kafka wraps some of them). */
    public static boolean isFatal(Throwable e) {
        for (Throwable c = e; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof ProducerFencedException || c instanceof InvalidProducerEpochException
                    || c instanceof FencedInstanceIdException || c instanceof AuthorizationException
                    || c instanceof AuthenticationException || c instanceof UnsupportedVersionException) return true;
        }
        return false;
    }

    // 100 ms, 200 ms, 400 ms… up to 5 s: a broker that is down is not hammered
    private void pause(int failuresInRow) {
        long ms = Math.min(MAX_PAUSE_MS, 100L << Math.min(failuresInRow - 1, 10));
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running.set(false);
        }
    }
}
