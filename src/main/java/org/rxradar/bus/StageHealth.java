package org.rxradar.bus;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * How a consuming stage's {@link PollLoop} is doing, for {@code /health}: batches that failed in a
 * row (aborted transactions, unacknowledged sends) with the last error, and whether the loop has
 * stopped and why. Written by the stage's thread, read by the readiness check: thread-safe.
 */
public final class StageHealth {
    /** Batches failed in a row from which a stage counts as failing: one retry may be a blip, three are not. */
    public static final int FAILING_AFTER = 3;
    /** How {@link State#stopped} begins when another instance with the same id took the stage over. */
    public static final String FENCED = "fenced: ";

    /**
     * One reading.
     *
     * @param failuresInRow batches (or polls) that failed since the last one that completed
     * @param lastError     one line: what the last failure said; null when none
     * @param failingSince  when the current run of failures began; null when none
     * @param stopped       why the loop stopped for good (a fatal error, or closed); null while it runs
     */
    public record State(String stage, int failuresInRow, String lastError, Instant failingSince, String stopped) {
        public boolean failing() {
            return stopped != null || failuresInRow >= FAILING_AFTER;
        }

        /** Stopped because another process with this instance's id took the stage over: the process must stop. */
        public boolean fenced() {
            return stopped != null && stopped.startsWith(FENCED);
        }

        /** One line for {@code /health}: why the stage is failing, or "running". */
        public String describe() {
            if (stopped != null) return "stopped: " + stopped;
            if (failuresInRow == 0) return "running";
            return failuresInRow + (failuresInRow == 1 ? " batch" : " batches") + " failed in a row since " + failingSince
                    + "; last error: " + lastError;
        }
    }

    private final String stage;
    private final Clock clock;
    private State state;

    public StageHealth(String stage) {
        this(stage, Clock.systemUTC());
    }

    public StageHealth(String stage, Clock clock) {
        this.stage = stage;
        this.clock = clock;
        this.state = new State(stage, 0, null, null, null);
    }

    public String stage() {
        return stage;
    }

    public synchronized State state() {
        return state;
    }

    /** A poll and its batch completed: the run of failures, if any, is over. */
    public synchronized void succeeded() {
        if (state.failuresInRow() != 0) state = new State(stage, 0, state.lastError(), null, state.stopped());
    }

    public synchronized void failed(Throwable why) {
        Instant since = state.failingSince() != null ? state.failingSince() : clock.instant();
        state = new State(stage, state.failuresInRow() + 1, oneLine(why), since, state.stopped());
    }

    /** The loop ended and will not resume: a fatal error, or the stage was closed. */
    public synchronized void stopped(String why) {
        if (state.stopped() == null) state = new State(stage, state.failuresInRow(), state.lastError(), state.failingSince(), why);
    }

    /**
     * A failure in one line a person can read on {@code /health} or in a log: the distinct messages
     * of the cause chain, without class names (Kafka often wraps a cause as its {@code toString()}).
     */
    public static String oneLine(Throwable e) {
        List<String> parts = new ArrayList<>();
        for (Throwable c = e; c != null && parts.size() < 3; c = c.getCause() == c ? null : c.getCause()) {
            String m = c.getMessage();
            if (m == null || m.isBlank() || (c.getCause() != null && m.equals(c.getCause().toString()))) continue;
            String line = m.strip().replaceAll("\\s+", " ");
            if (parts.stream().noneMatch(p -> p.contains(line))) parts.add(line); // wrappers often repeat their cause
        }
        if (parts.isEmpty()) return words(e.getClass().getSimpleName());
        String joined = String.join(": ", parts);
        return joined.length() > 400 ? joined.substring(0, 400) + "…" : joined;
    }

    // "RecordTooLargeException" -> "record too large", for an exception that carries no message
    private static String words(String simpleName) {
        String name = simpleName.endsWith("Exception") ? simpleName.substring(0, simpleName.length() - "Exception".length()) : simpleName;
        return name.replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(java.util.Locale.ROOT);
    }
}
